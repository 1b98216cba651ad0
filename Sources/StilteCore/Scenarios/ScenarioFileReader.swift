import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads one scenario file within ``ScenarioLimits``: its size is checked before a byte is
/// read, and anything but a regular file (a FIFO would block) is refused.
enum ScenarioFileReader {
    /// What reading one file gave.
    enum Outcome {
        /// The file's bytes.
        case read(Data)
        /// This file is not read; the others still are.
        case refused(ScenarioError)
        /// The library's byte budget is spent: this file and the ones after it are not read.
        case libraryFull(ScenarioError)
    }

    /// Reads `file` (shown as `display`) when it fits in ``ScenarioLimits/fileBytes`` and in
    /// `budget`, the bytes the library may still read; `filesAfter` counts the files left.
    /// The corresponding C functions are `open`, `fstat` and `read`.
    static func read(_ file: URL, display: String, budget: Int, filesAfter: Int) -> Outcome {
        let descriptor = open(file.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .refused(unreadable(display)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .refused(unreadable(display)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .refused(ScenarioError(.unreadable, file: display, Phrase(
                en: "is not a regular file (a FIFO, device or directory) — it was not read; move it out of the scenarios directory",
                nl: "is geen gewoon bestand (een FIFO, apparaat of map) — het is niet gelezen; haal het uit de scenariomap")))
        }
        let size = Int(info.st_size)
        if size > ScenarioLimits.fileBytes { return .refused(tooLarge(display, bytes: size)) }
        if size > budget { return .libraryFull(libraryFull(display, filesAfter: filesAfter)) }
        // Read at most one byte more than allowed, so a file that grows meanwhile is caught too.
        let limit = min(ScenarioLimits.fileBytes, budget)
        var data = Data(count: limit + 1)
        var count = 0
        while count <= limit {
            let got = data.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(descriptor, $0 + count, limit + 1 - count) } ?? -1
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return .refused(unreadable(display)) }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else {
            return count > ScenarioLimits.fileBytes ? .refused(tooLarge(display, bytes: count)) : .libraryFull(libraryFull(display, filesAfter: filesAfter))
        }
        return .read(data.prefix(count))
    }

    private static func unreadable(_ display: String) -> ScenarioError {
        ScenarioError(.unreadable, file: display, Phrase(
            en: "cannot read the file — check its permissions",
            nl: "kan het bestand niet lezen — controleer de rechten"))
    }

    private static func tooLarge(_ display: String, bytes: Int) -> ScenarioError {
        let size = kibibytes(bytes), limit = kibibytes(ScenarioLimits.fileBytes)
        return ScenarioError(.tooLarge, file: display, Phrase(
            en: "is \(size) KiB; a scenario file may be at most \(limit) KiB (the shipped ones have 1–2 KiB) — it was not read; shorten it or split it into several scenarios",
            nl: "is \(size) KiB; een scenariobestand mag hoogstens \(limit) KiB zijn (de meegeleverde hebben 1–2 KiB) — het is niet gelezen; maak het korter of verdeel het over meer scenario's"))
    }

    private static func libraryFull(_ display: String, filesAfter: Int) -> ScenarioError {
        let limit = kibibytes(ScenarioLimits.libraryBytes)
        return ScenarioError(.tooLarge, file: display, Phrase(
            en: "the scenario files up to this one hold more than \(limit) KiB together; this file and the \(filesAfter) after it were not read — remove scenarios you do not use or keep them in another directory (--scenarios DIR)",
            nl: "de scenariobestanden tot en met dit bestand zijn samen meer dan \(limit) KiB; dit bestand en de \(filesAfter) erna zijn niet gelezen — haal scenario's weg die je niet gebruikt of bewaar ze in een andere map (--scenarios MAP)"))
    }

    /// `bytes` in whole KiB, rounded up (a file one byte over the limit does not read as equal to it).
    private static func kibibytes(_ bytes: Int) -> Int { (bytes + 1023) / 1024 }
}
