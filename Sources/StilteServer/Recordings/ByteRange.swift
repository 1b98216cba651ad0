/// The part of a recording a `Range` request header asks for (RFC 9110 §14): one range
/// of bytes. Several ranges are answered with the whole file (allowed by the RFC).
enum ByteRange: Equatable {
    /// No (usable) Range header: send everything with 200.
    case whole
    /// Send these bytes with 206 and `Content-Range`.
    case part(ClosedRange<Int>)
    /// A range outside the file: 416 with `Content-Range: bytes */size`.
    case unsatisfiable

    /// Reads `header` (e.g. `bytes=0-`, `bytes=100-199`, `bytes=-500`) against a file of `size` bytes.
    static func parse(_ header: String?, size: Int) -> ByteRange {
        guard let header, header.hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        if first.isEmpty {
            // A suffix: the last N bytes.
            guard let count = Int(last), count >= 0 else { return .whole }
            guard count > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - count)...(size - 1))
        }
        guard let start = Int(first), start >= 0 else { return .whole }
        guard start < size else { return .unsatisfiable }
        if last.isEmpty { return .part(start...(size - 1)) }
        guard let end = Int(last), end >= start else { return .whole }
        return .part(start...min(end, size - 1))
    }
}
