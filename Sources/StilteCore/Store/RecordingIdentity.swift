import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A take's uuid derived from its recording's bytes, so that importing the same file twice
/// finds the take the first import made instead of adding another.
public enum RecordingIdentity {
    /// The first 16 bytes of the SHA-256 of everything readable from `descriptor`, as a
    /// version-8 (custom) UUID; the descriptor is read to its end and rewound.
    public static func uuid(of descriptor: Int32, path: String) throws -> UUID {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw StoreError(.io, "cannot read it from the start (\(String(cString: strerror(errno))))", path: path)
        }
        defer { lseek(descriptor, 0, SEEK_SET) }
        var digest = SHA256()
        var block = [UInt8](repeating: 0, count: PrivateCopy.blockBytes)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, "read failed (\(String(cString: strerror(errno))))", path: path)
            }
            if count == 0 { break }
            block.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        var bytes = Array(digest.finish().prefix(16))
        bytes[6] = bytes[6] & 0x0f | 0x80
        bytes[8] = bytes[8] & 0x3f | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
