import ArgumentParser
import Foundation
import StiltePractice
import StilteAnalysis
import StilteCore

extension Stilte {
    /// `stilte import-bundle DIR`: a bundle from `stilte export`, idempotently.
    struct ImportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a bundle written by `stilte export`; takes already in the log are skipped.",
            discussion: "All or nothing: symbolic links, anything but regular files, forged fields and recordings that are not audio are refused; every recording is analysed again.")

        @Argument(help: "The bundle directory.")
        var directory: String

        func run() throws {
            let log = try LogAccess.open()
            let summary = try BundleImport.run(URL(fileURLWithPath: directory), into: log)
            print(summary.report.text(Interface.language))
        }
    }
}
