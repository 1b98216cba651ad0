import Foundation
import Testing

/// Issue #12 item 12: `review import-textgrid` refuses a grid made for another take (a
/// 14.56 s grid once went into a 10.45 s take and flipped its verdict without a word).
@Suite("TextGrid of another take")
struct TextGridFitTests {
    @Test("the grid of a shorter take is refused in one line (en, nl) and changes nothing; the take's own grid still imports")
    func gridOfAnotherTake() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        // As reported: a grid made for another take whose pause lies inside this take would
        // move this take's pause there (2 s: short) and flip its verdict without a word.
        let short = try cli.answer(pause: 2.0, name: "short"), long = try cli.answer(pause: 4.0, name: "long")
        #expect(try cli.run("import", short.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        #expect(try cli.run("import", long.path, "--trainee", "anna", "--scenario", "clinic-flatters.en").status == 0)
        let other = cli.scratch.appendingPathComponent("take1.TextGrid"), own = cli.scratch.appendingPathComponent("take2.TextGrid")
        #expect(try cli.run("review", "export", "1", "--textgrid", other.path).status == 0)
        #expect(try cli.run("review", "export", "2", "--textgrid", own.path).status == 0)
        let before = try #require(try cli.takesJSON().first { $0["id"] as? Int == 2 })
        #expect(before["verdict"] as? String != "short")

        let refused = try cli.run("review", "import-textgrid", "2", other.path, "--reviewer", "mark")
        #expect(LogCLI.refusedInOneLine(refused), "\(refused.stderr)")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Error: \(other.path): the TextGrid is "), "\(refused.stderr)")
        #expect(refused.stderr.contains("it was made for another recording — nothing was changed"), "\(refused.stderr)")
        #expect(refused.stderr.contains("stilte review export 2 --textgrid"), "\(refused.stderr)")
        let dutch = try cli.run("review", "import-textgrid", "2", other.path, "--lang", "nl")
        #expect(LogCLI.refusedInOneLine(dutch), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("het hoort bij een andere opname — er is niets veranderd"), "\(dutch.stderr)")
        #expect(dutch.stderr.contains(" s lang en opname 2 is "), "\(dutch.stderr)")
        let after = try #require(try cli.takesJSON().first { $0["id"] as? Int == 2 })
        #expect(after["verdict"] as? String == before["verdict"] as? String)
        #expect(after["pauseDuration"] as? Double == before["pauseDuration"] as? Double)
        #expect(!(try cli.run("review", "show", "2").stdout.contains("trainer's correction")))

        // The take's own grid, unchanged, still goes in.
        #expect(try cli.run("review", "import-textgrid", "2", own.path, "--reviewer", "mark").status == 0)
        #expect(try cli.run("review", "show", "2").stdout.contains("trainer's correction"))
    }
}
