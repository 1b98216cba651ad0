import Testing
import StilteAnalysis
@testable import StilteCore

@Suite struct LanguageChoiceTests {
    @Test func flagBeatsVariableBeatsStoredBeatsLocale() throws {
        let all = try LanguageChoice.from(flag: "nl", environment: ["STILTE_LANG": "en", "LANG": "en_US.UTF-8"])
        #expect(all.resolved(stored: .en) == .nl)
        let variable = try LanguageChoice.from(flag: nil, environment: ["STILTE_LANG": "nl", "LANG": "en_US.UTF-8"])
        #expect(variable.resolved(stored: .en) == .nl)
        let stored = try LanguageChoice.from(flag: nil, environment: ["LANG": "en_US.UTF-8"])
        #expect(stored.resolved(stored: .nl) == .nl)
        #expect(stored.resolved() == .en)
        let locale = try LanguageChoice.from(flag: nil, environment: ["LANG": "nl_NL.UTF-8"])
        #expect(locale.resolved() == .nl)
        #expect(!locale.isExplicit && all.isExplicit)
    }

    @Test func localeVariablesFollowPosixOrder() throws {
        #expect(try LanguageChoice.from(flag: nil, environment: ["LC_ALL": "nl_BE.UTF-8", "LANG": "en_GB"]).resolved() == .nl)
        #expect(try LanguageChoice.from(flag: nil, environment: ["LC_MESSAGES": "en_GB", "LANG": "nl_NL"]).resolved() == .en)
        #expect(try LanguageChoice.from(flag: nil, environment: ["LC_ALL": "", "LANG": "nl_NL"]).resolved() == .nl)
        #expect(try LanguageChoice.from(flag: nil, environment: ["LANG": "C.UTF-8"]).resolved() == .en, "C is no language: English")
        #expect(try LanguageChoice.from(flag: nil, environment: ["LANG": "fr_FR.UTF-8"]).resolved(stored: .nl) == .nl)
    }

    @Test func anUnknownLanguageAskedForIsAnError() {
        #expect(throws: LanguageError(source: "--lang", value: "fr")) { try LanguageChoice.from(flag: "fr", environment: [:]) }
        #expect(throws: LanguageError(source: "STILTE_LANG", value: "de")) {
            try LanguageChoice.from(flag: nil, environment: ["STILTE_LANG": "de"])
        }
        #expect(LanguageChoice.parse("Nederlands") == .nl && LanguageChoice.parse("EN") == .en)
    }
}

@Suite struct NumberFormatTests {
    @Test func dutchWritesADecimalComma() {
        #expect(NumberFormat.seconds(3.916, .en) == "3.92 s")
        #expect(NumberFormat.seconds(3.916, .nl) == "3,92 s")
        #expect(NumberFormat.seconds(nil, .nl) == "–")
        #expect(NumberFormat.seconds(0.05, digits: 1, .nl) == "0,1 s")
        #expect(NumberFormat.decimal(-0.004, .en) == "0.00", "no minus zero")
        #expect(NumberFormat.decimal(-1.5, digits: 1, .en) == "-1.5")
        #expect(NumberFormat.decimal(12.345, digits: 0, .en) == "12")
        #expect(NumberFormat.target(PauseTarget(seconds: 2, tolerance: 0.4), .nl) == "2,0 ± 0,4 s")
        #expect(NumberFormat.span(2.37, 6.29, .en) == "2.37–6.29 s")
        #expect(NumberFormat.clock(63.45, .en) == "1:03.4")
        #expect(NumberFormat.clock(5, .nl) == "0:05,0")
        #expect(NumberFormat.milliseconds(0.1204, .en) == "120 ms")
    }
}

@Suite struct VerdictPresentationTests {
    @Test func everyVerdictHasItsOwnNameAndExplanationInEveryLanguage() {
        for language in Language.allCases {
            let names = Verdict.allCases.map { $0.name(language) }
            #expect(Set(names).count == names.count, "\(language): \(names)")
            let explanations = Verdict.allCases.map { $0.explanation(language) }
            #expect(Set(explanations).count == explanations.count)
        }
        for verdict in Verdict.allCases {
            #expect(verdict.name(.en) != verdict.name(.nl), "\(verdict) is not translated")
            #expect(verdict.explanation(.en) != verdict.explanation(.nl))
        }
    }

    @Test func theLiveBarAndTheResultAgreeOnColours() {
        let target = PauseTarget(seconds: 4, tolerance: 0.5)
        let bar = PauseBar(target: target)
        for seconds in [1.0, 3.5, 4.0, 4.5, 4.6, 9.0] {
            #expect(bar.paint(for: seconds) == target.verdict(for: seconds).paint, "\(seconds) s")
        }
        #expect(Verdict.long.paint == .red && Verdict.short.paint == .yellow && Verdict.onTarget.paint == .green)
    }
}

@Suite struct RehearsalScreensInDutchTests {
    static let analysis = Analysis(duration: 10, target: PauseTarget(),
                                   segments: [TimeSpan(start: 0.84, end: 2.37), TimeSpan(start: 6.29, end: 8.1)],
                                   refusal: TimeSpan(start: 0.84, end: 2.37),
                                   pause: Pause(start: 2.37, end: 6.29, events: [PauseEvent(start: 3.1, end: 3.25, kind: .breath)]),
                                   verdict: .onTarget)

    /// Words of each language that the other never uses on these screens.
    static let english = ["Pause", "Silence", "Speaking", "Listening", "target", "Reaction", "Timeline", "breath", "Unreliable",
                          "turn", "the", "your", "stop ("]
    static let dutch = ["Pauze", "◌ Stilte", "spreekt", "Luisteren", "doel", "Reactietijd", "Tijdlijn", "ademhaling",
                        "Onbetrouwbaar", "beurt", "je ", "de "]

    func screens(_ language: Language) -> String {
        let screen = LiveScreen(header: .init(title: "Klant", turn: 1, turns: 2), target: PauseTarget(), language: language)
        var model = LiveModel()
        var shown = [screen.render(model, now: 0.1, style: .plain)]
        model.apply(.speechStarted(at: 0.4)); shown.append(screen.render(model, now: 1, style: .plain))
        model.apply(.silenceStarted(at: 2)); model.apply(.refusalEnded(at: 2)); shown.append(screen.render(model, now: 4.5, style: .plain))
        model.apply(.speechStarted(at: 5.9)); shown.append(screen.render(model, now: 6.2, style: .plain))
        model.apply(.silenceStarted(at: 7)); shown.append(screen.render(model, now: 8, style: .plain))
        shown.append(TakeReport(analysis: Self.analysis, overruns: 2, tip: language == .nl ? "Noem een collega." : "Name a colleague.", language: language).render(style: .plain))
        return shown.flatMap { $0 }.joined(separator: "\n")
    }

    @Test func theDutchScreensHoldNoEnglishAndTheEnglishNoDutch() {
        let nl = screens(.nl), en = screens(.en)
        for word in Self.english { #expect(!nl.contains(word), "English '\(word)' on a Dutch screen:\n\(nl)") }
        for word in Self.dutch { #expect(!en.contains(word), "Dutch '\(word)' on an English screen:\n\(en)") }
        #expect(nl.contains("Pauze na je nee: 3,92 s — raak"))
        #expect(nl.contains("2 onderbrekingen"))
        #expect(nl.contains("ademhaling op 3,10 s"))
    }
}

@Suite struct CountFitsTheTargetTests {
    @Test func theCountFollowsTheTargetAndThePace() {
        #expect(CountPlan(target: 2).numbers == [21, 22])
        #expect(CountPlan(target: 4).numbers == [21, 22, 23, 24])
        #expect(CountPlan(target: 4, secondsPerCount: 0.8).numbers == [21, 22, 23, 24, 25], "a fast counter counts further")
        #expect(CountPlan(target: 4, secondsPerCount: 1.3).numbers == [21, 22, 23], "a slow counter counts less far")
        #expect(CountPlan(target: 0.3).numbers == [21], "at least one number")
        #expect(CountPlan(target: 4, secondsPerCount: 9).secondsPerCount == CountPlan.slowest)
        let fast = CountPlan(target: 4, secondsPerCount: 0.8)
        #expect(fast.reached(after: 1.61) == [21, 22])
        #expect(fast.reached(after: 30) == fast.numbers, "stops at the target")
    }

    @Test func numbersAreWordsAsTheTraineeSaysThem() {
        #expect(CountWords.count(CountPlan(target: 4), .nl) == "eenentwintig, tweeëntwintig, drieëntwintig, vierentwintig")
        #expect(CountWords.count(CountPlan(target: 2), .en) == "twenty-one, twenty-two")
        #expect(CountWords.word(30, .nl) == "dertig" && CountWords.word(28, .nl) == "achtentwintig" && CountWords.word(13, .en) == "thirteen")
        #expect(CountWords.word(100, .en) == "100")
    }

    @Test func theInstructionAndTheLiveScreenFollowATwoSecondTarget() {
        let plan = CountPlan(target: 2)
        #expect(RehearsalText.instruction(target: 2, plan: plan, .nl).contains("tel in stilte eenentwintig, tweeëntwintig."))
        #expect(RehearsalText.instruction(target: 2, plan: plan, .en).contains("count twenty-one, twenty-two in silence"))
        let screen = LiveScreen(header: .init(title: "Drinks"), target: PauseTarget(seconds: 2, tolerance: 0.4), language: .en)
        var model = LiveModel()
        #expect(screen.render(model, now: 0.1, style: .plain).joined().contains("count 21, 22 in silence"))
        model.apply(.speechStarted(at: 0.3)); model.apply(.silenceStarted(at: 1)); model.apply(.refusalEnded(at: 1))
        let late = screen.render(model, now: 6.5, style: .plain).joined(separator: "\n")
        #expect(late.contains("21 … 22") && !late.contains("23"), "the count stops at the target:\n\(late)")
    }
}

@Suite struct TextTableTests {
    @Test func alignsByVisibleWidthAndKeepsTabsOutOfTSV() {
        let green = "\u{1B}[32mAnna\u{1B}[0m"
        let table = TextTable(header: ["ID", "NAME", "STATE"], rows: [["7", green, "raak"], ["12", "Ré mi", "te kort"]])
        #expect(table.aligned() == ["ID  NAME   STATE", "7   \(green)   raak", "12  Ré mi  te kort"])
        #expect(table.lines(forTerminal: true) == table.aligned())
        let tabbed = TextTable(header: ["A", "B"], rows: [["x\ty", "line\nbreak"]])
        #expect(tabbed.tabSeparated() == ["x y\tline break"])
        #expect(tabbed.lines(forTerminal: false) == tabbed.tabSeparated())
    }
}
