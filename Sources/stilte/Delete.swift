import ArgumentParser
import Foundation
import StilteCore

extension Stilte {
    /// `stilte delete TAKE`: the row and the recording together.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a take and its recording.")

        @Argument(help: "The take's id (see `stilte takes`).")
        var take: Int64

        @Flag(help: "Do not ask (required when not on a terminal).")
        var yes = false

        func run() throws {
            let log = try LogAccess.open()
            let take = try LogAccess.take(self.take, in: log)
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw StoreError(.invalidInput, "not deleting take \(self.take) without confirmation; add --yes when not on a terminal")
                }
                let trainee = (try log.trainee(id: take.traineeId)?.name ?? "?").terminalSafe
                print("Delete take \(self.take) (\(trainee), \(take.scenarioId.terminalSafe), \(LogAccess.timestamp.string(from: take.createdAt)) UTC) and its recording? [y/N] ", terminator: "")
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard answer == "y" || answer == "yes" else {
                    print("Kept.")
                    return
                }
            }
            try log.deleteTake(id: self.take)
            print("Deleted take \(self.take) and \(take.recordingPath).")
        }
    }
}
