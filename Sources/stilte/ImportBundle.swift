import ArgumentParser
import Foundation
import StiltePractice
import StilteAnalysis
import StilteCore

extension Stilte {
    /// `stilte import-bundle DIR`: a bundle from `stilte export`, idempotently.
    struct ImportBundle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Read a bundle written by `stilte export`; takes already in the log are skipped.", nl: "Lees een bundel van `stilte export`; opnames die al in het logboek staan, worden overgeslagen."),
            discussion: Interface.text(en: "All or nothing: symbolic links, anything but regular files, forged fields and recordings that are not audio are refused; every recording is analysed again.", nl: "Alles of niets: symbolische koppelingen, alles wat geen gewoon bestand is, vervalste velden en opnames die geen geluid zijn, worden geweigerd; elke opname wordt opnieuw gemeten."))

        @Argument(help: .text(en: "The bundle directory.", nl: "De map van de bundel."))
        var directory: String

        func run() throws {
            let log = try LogAccess.open()
            let summary = try BundleImport.run(URL(fileURLWithPath: directory), into: log)
            print(summary.report.text(Interface.language))
        }
    }
}
