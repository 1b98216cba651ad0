import Foundation
import Testing

/// `stilte scenarios` for a trainee who has practised (issue #13): takes, last practised and
/// when due per scenario, on a clock the test sets (`STILTE_NOW`).
@Suite("stilte scenarios with a practice schedule")
struct ScenariosScheduleTests {
    @Test func aMissedScenarioIsDueNowAndTheOthersWereNeverPractised() throws {
        var cli = try LogCLI()
        defer { cli.cleanUp() }
        let wav = try cli.answer(pause: 1.0, name: "short")
        #expect(try cli.run("import", wav.path, "--trainee", "anna", "--scenario", "clinic-flatters.nl").status == 0)
        let created = try #require(try cli.takesJSON().first?["createdAt"] as? String)
        cli.environment["STILTE_NOW"] = String(created.prefix(10)) + "T23:00:00Z"

        let english = try cli.run("scenarios", "--trainee", "anna")
        #expect(english.status == 0, "\(english.stderr)")
        let lines = english.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["ID", "LANG", "TAKES", "LAST", "PRACTISED", "DUE"])
        let row = try #require(lines.first { $0.hasPrefix("clinic-flatters.nl ") })
        #expect(row.split(separator: " ", omittingEmptySubsequences: true) == ["clinic-flatters.nl", "nl", "1", "today", "now"], "\(row)")
        let other = try #require(lines.first { $0.hasPrefix("clinic-flatters.en ") })
        #expect(other.split(separator: " ", omittingEmptySubsequences: true) == ["clinic-flatters.en", "en", "0", "–", "now"])
        for line in lines { #expect(line.count <= 80, "\(line)") }

        let dutch = try cli.run("scenarios", "--trainee", "anna", "--lang", "nl")
        #expect(dutch.stdout.hasPrefix("ID "))
        #expect(dutch.stdout.contains("TAAL  OPNAMES  LAATST GEOEFEND  AAN DE BEURT"))
        #expect(dutch.stdout.contains("vandaag"))

        // Someone who never practised sees the plain list.
        let fresh = try cli.run("scenarios", "--trainee", "bram")
        #expect(fresh.stdout.hasPrefix("ID ") && fresh.stdout.contains("TITLE"))
    }
}
