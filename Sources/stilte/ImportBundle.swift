import ArgumentParser
import Foundation
import StilteCore

extension Stilte {
    /// `stilte import-bundle DIR`: a bundle from `stilte export`, idempotently.
    struct ImportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a bundle written by `stilte export`; takes already in the log are skipped.")

        @Argument(help: "The bundle directory.")
        var directory: String

        func run() throws {
            let log = try LogAccess.open()
            let summary = try TakeBundle.importBundle(from: URL(fileURLWithPath: directory), into: log)
            print("Imported \(summary.takesAdded) takes (\(summary.takesSkipped) already in the log) and \(summary.reviewsAdded) reviews.")
        }
    }
}
