import ArgumentParser
import Foundation
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review agreement`: detector vs trainers.
    struct Agreement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "How far the pause detector was from trainers' corrections.", nl: "Hoe ver de pauzemeting afzat van de correcties van trainers."))

        @Flag(help: .text(en: "Print JSON.", nl: "Geef JSON."))
        var json = false

        func run() throws {
            let report = try LogAccess.open(.readOnly).agreement()
            if json {
                print(String(decoding: try LogAccess.jsonEncoder().encode(report), as: UTF8.self))
                return
            }
            guard report.corrections > 0 else {
                print("No corrections yet; `stilte review correct` adds one.")
                return
            }
            print("Corrected takes: \(report.corrections) (detector found no pause in \(report.missedByDetector))")
            for (name, stats) in [("start", report.start), ("end", report.end), ("both", report.both)] {
                print("  \(name): n \(stats.count), median \(ms(stats.median)), p90 \(ms(stats.p90)) boundary difference")
            }
        }

        private func ms(_ seconds: Double?) -> String {
            seconds.map { String(format: "%.0f ms", $0 * 1000) } ?? "–"
        }
    }
}
