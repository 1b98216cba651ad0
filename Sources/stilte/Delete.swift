import ArgumentParser
import Foundation
import StilteCore

extension Stilte {
    /// `stilte delete TAKE`: the row and the recording together.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Interface.text(en: "Delete a take and its recording.", nl: "Verwijder een opname en het geluidsbestand."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Flag(help: .text(en: "Do not ask (required when not on a terminal).", nl: "Niet vragen (verplicht zonder terminal)."))
        var yes = false

        func run() throws {
            let log = try LogAccess.open()
            // A row that cannot be decoded any more can still be removed by its id (with --yes).
            let take: Take?
            let id: Int64
            do {
                take = try LogAccess.take(self.take, in: log)
                id = take?.id ?? 0
            } catch let error as StoreError where error.code == .unreadableRow && yes && Int64(self.take.text) != nil {
                take = nil
                id = Int64(self.take.text) ?? 0
            }
            if !yes, let take {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CommandFailure(Phrase(en: "not deleting take \(id) without confirmation; add --yes when not on a terminal",
                                                nl: "opname \(id) wordt niet verwijderd zonder bevestiging; geef --yes als je niet op een terminal werkt"))
                }
                let trainee = (try log.trainee(id: take.traineeId)?.name ?? "?").terminalSafe
                let what = "\(id) · \(take.shortUUID) (\(trainee), \(take.scenarioId.terminalSafe), \(LogAccess.timestamp.string(from: take.createdAt)) UTC)"
                print(Interface.text(en: "Delete take \(what) and its recording? [y/N] ",
                                     nl: "Opname \(what) en de geluidsopname verwijderen? [j/N] "), terminator: "")
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard ["y", "yes", "j", "ja"].contains(answer) else {
                    print(Interface.text(en: "Kept.", nl: "Bewaard."))
                    return
                }
            }
            try log.deleteTake(id: id)
            let recording = take?.recordingPath ?? Interface.text(en: "its recording", nl: "de geluidsopname")
            print(Interface.text(en: "Deleted take \(id) and \(recording).", nl: "Opname \(id) en \(recording) verwijderd."))
        }
    }
}
