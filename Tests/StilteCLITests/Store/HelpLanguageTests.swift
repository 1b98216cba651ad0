import Foundation
import Testing

/// `--help` of every command speaks the interface language; `review list` is a table on a
/// terminal and tab-separated when piped.
@Suite struct HelpLanguageTests {
    static let commands: [[String]] = [
        [], ["rehearse"], ["next"], ["calibrate"], ["scenarios"], ["scenarios", "list"], ["scenarios", "show"],
        ["prompt"], ["prompt", "record"], ["analyze"], ["takes"], ["progress"], ["review"], ["review", "list"],
        ["review", "show"], ["review", "play"], ["review", "rate"], ["review", "correct"], ["review", "agreement"],
        ["review", "export"], ["review", "import-textgrid"], ["import"], ["export"], ["import-bundle"], ["delete"],
        ["devices"], ["play"], ["record"], ["serve"], ["users"], ["users", "add"], ["users", "remove"],
    ]
    /// Words only English help uses, and words only Dutch help uses.
    static let english: Set<String> = ["the", "your", "and", "with", "from", "which", "when", "you", "this"]
    static let dutch: Set<String> = ["de", "het", "een", "je", "van", "niet", "wordt", "deze", "met"]

    /// The words of a help text that Stilte wrote: ArgumentParser's own lines, option names,
    /// value names and quoted commands left out.
    static func ownWords(_ help: String) -> [String] {
        let kept = help.split(separator: "\n").filter { line in
            !["Show help information", "Show the version", "See 'stilte help"].contains { line.contains($0) }
        }.joined(separator: "\n")
        var text = kept
        for pattern in ["\\(default: [^)]*\\)", "\\(values: [^)]*\\)", "--[a-z-]+", "<[^>]*>", "`[^`]*`", "\\$[A-Z_]+"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    @Test("Every command's help is Dutch with --lang nl and English with --lang en, none mixed")
    func helpInBothLanguages() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        for command in Self.commands {
            let nl = try cli.run(["--lang", "nl"] + command + ["--help"])
            let en = try cli.run(["--lang", "en"] + command + ["--help"])
            #expect(nl.status == 0 && en.status == 0, "\(command): \(nl.stderr) \(en.stderr)")
            let nlWords = Self.ownWords(nl.stdout), enWords = Self.ownWords(en.stdout)
            #expect(Set(nlWords).isDisjoint(with: Self.english), "\(command) nl: \(Set(nlWords).intersection(Self.english))\n\(nl.stdout)")
            #expect(Set(enWords).isDisjoint(with: Self.dutch), "\(command) en: \(Set(enWords).intersection(Self.dutch))\n\(en.stdout)")
            #expect(!Set(nlWords).isDisjoint(with: Self.dutch), "\(command): no Dutch in\n\(nl.stdout)")
        }
        // STILTE_LANG reaches the help as --lang does.
        var dutchHome = cli
        dutchHome.environment["STILTE_LANG"] = "nl"
        #expect(try dutchHome.run("rehearse", "--help").stdout.contains("Oefen: hoor de klant"))
    }

    @Test("review list: aligned with a header on a terminal, tab-separated without one when piped, in both languages")
    func reviewListTableAndTSV() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "3", "--trainees", "1", "--scenarios", "1").status == 0)
        let piped = try cli.run("review", "list").stdout.split(separator: "\n")
        #expect(piped.count == 3)
        #expect(piped.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 }, "\(piped)")
        #expect(piped.allSatisfy { $0.hasSuffix("\tunreviewed") })

        for (language, header, state) in [("en", "VERDICT", "unreviewed"), ("nl", "OORDEEL", "niet beoordeeld")] {
            let screen = try cli.run(onTerminal: "\(LogCLI.executable.path) --lang \(language) review list", input: "")
            let lines = screen.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            #expect(lines.count == 4, "\(screen)")
            #expect(!screen.contains("\t"))
            let head = Array(try #require(lines.first))
            let column = try #require(String(head).range(of: header).map { String(head)[..<$0.lowerBound].count })
            // Every row's verdict starts under the header's: the columns are aligned.
            for row in lines.dropFirst().map(Array.init) {
                #expect(row.count > column && row[column - 1] == " " && row[column] != " ", "\(String(row))")
                #expect(String(row).hasSuffix(state), "\(String(row))")
            }
        }
    }
}
