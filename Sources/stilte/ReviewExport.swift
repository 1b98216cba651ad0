import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review export TAKE --textgrid FILE | --labels FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a take's timeline as a Praat TextGrid or Audacity labels (with the corrected pause, if any).")

        @Argument(help: "The take's id (see `stilte takes`).")
        var take: Int64

        @Option(help: ArgumentHelp("Write a Praat TextGrid (tiers speech, answer).", valueName: "file"))
        var textgrid: String?

        @Option(help: ArgumentHelp("Write an Audacity label track.", valueName: "file"))
        var labels: String?

        func validate() throws {
            guard (textgrid == nil) != (labels == nil) else { throw ValidationError("give exactly one of --textgrid FILE and --labels FILE") }
        }

        func run() throws {
            let log = try LogAccess.open(.readOnly)
            let take = try LogAccess.take(self.take, in: log)
            guard let analysis = take.effectiveAnalysis else {
                throw CommandFailure("take \(self.take) has no analysis to export")
            }
            let recording = log.home.url.appendingPathComponent(take.recordingPath).path
            if !FileManager.default.fileExists(atPath: recording) {
                FileHandle.standardError.write(Data("warning: the recording of take \(self.take) is missing (\(recording)); the timeline is exported without it\n".utf8))
            }
            let (text, path) = textgrid.map { (TextGrid.render(analysis), $0) } ?? (AudacityLabels.render(analysis), labels ?? "")
            // 0600 whatever the umask, and never written through a symbolic link: a take is personal data.
            try PrivateFiles.write(Data(text.utf8), to: URL(fileURLWithPath: path))
            print("Wrote \(path).")
        }
    }
}
