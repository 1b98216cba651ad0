import Foundation
import StilteTestSupport
import Testing

extension RehearseCLISuites {
    /// #13's done-when: a trainee's whole journey — first run, calibration, three rehearsals, the
    /// result, progress — through the real commands and file devices, in Dutch and in English;
    /// every screen is in the chosen language and holds none of the other's words.
    @Suite(.serialized) struct DutchJourneyTests {
        /// Words only English screens use, and words only Dutch screens use (scenario ids, paths,
        /// numbers and option names are left out before looking).
        static let english: Set<String> = ["the", "your", "you", "and", "with", "after", "saved", "target", "pause", "silence",
                                           "count", "take", "takes", "trainee", "median", "spread", "streak", "next", "today",
                                           "recording", "answer", "noise", "quiet", "reaction", "timeline", "estimate", "measured"]
        static let dutch: Set<String> = ["de", "het", "een", "je", "jouw", "van", "niet", "na", "doel", "pauze", "opname",
                                         "opnamen", "cursist", "mediaan", "spreiding", "reeks", "volgende", "vandaag", "tel",
                                         "raak", "gemeten", "schatting", "antwoord", "bewaard", "achtergrondgeluid", "tijdlijn"]

        /// The words of a screen, without scenario ids, paths, numbers, options and commands.
        static func words(_ screen: String) -> Set<String> {
            var kept: [String] = []
            for token in screen.split(whereSeparator: \.isWhitespace) {
                let trimmed = token.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
                if trimmed.contains(where: { "/-._$`=@".contains($0) || $0.isNumber }) { continue }
                kept.append(trimmed)
            }
            return Set(kept.joined(separator: " ").lowercased().split { !$0.isLetter }.map(String.init))
        }

        @Test("Dutch trainee: every screen of the journey is Dutch only; calibration changes the count; the estimate is logged", arguments: ["nl", "en"])
        func journey(_ language: String) async throws {
            let rig = try RehearseRig()
            defer { rig.cleanUp() }
            let own = language == "nl" ? Self.dutch : Self.english, other = language == "nl" ? Self.english : Self.dutch
            let scenario = "museum-find-someone.\(language)"
            var screens: [(name: String, text: String)] = []
            func run(_ name: String, _ arguments: [String], input: String? = nil) async throws -> String {
                let outcome = try await rig.run(["--lang", language] + arguments, input: input)
                #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
                screens.append((name, outcome.stdout + outcome.stderr))
                return outcome.stdout
            }
            let answer = TestALSA.fileCapture(input: try rig.demoAnswerRaw(), rate: 16_000, channels: 1)
            let rehearse = ["rehearse", scenario, "--trainee", "Tess", "--capture-device", answer]

            // First run: what is due, a first rehearsal at the method's one count a second. (`stilte
            // scenarios` lists the whole library, both languages' titles: not part of the trainee's journey.)
            _ = try await run("next", ["next", "--trainee", "Tess"])
            let first = try await run("rehearsal 1", rehearse)
            let four = language == "nl" ? "vierentwintig" : "twenty-four", five = language == "nl" ? "vijfentwintig" : "twenty-five"
            #expect(first.contains(four) && !first.contains(five), "\(first)")

            // Calibration: "nu" 3.2 s after the start is 0.8 s a count, so 4 s is counted to 25.
            let count = rig.dir.appendingPathComponent("count.wav")
            try Self.sox([RehearseRig.demoAnswer.path, count.path, "pad", "2.4", "0"])
            let calibrated = try await run("calibrate", ["calibrate", "--trainee", "Tess", "--file", count.path])
            #expect(calibrated.contains("21 … 25"), "\(calibrated)")

            // Two more rehearsals count to 25; the third hides the counter and asks for an estimate first.
            let second = try await run("rehearsal 2", rehearse)
            #expect(second.contains(five), "calibration changes the count shown: \(second)")
            let third = try await run("rehearsal 3", rehearse + ["--live", "never"], input: "3,5\n")
            #expect(third.contains(language == "nl" ? "Jouw schatting: 3,50 s" : "Your estimate: 3.50 s"), "\(third)")

            // The result and the progress.
            _ = try await run("takes", ["takes"])
            _ = try await run("review show", ["review", "show", "3"])
            let progress = try await run("progress", ["progress", "--trainee", "Tess"])
            #expect(progress.contains(language == "nl" ? "(1 schatting)" : "(1 estimate)"), "\(progress)")

            for screen in screens {
                let words = Self.words(screen.text)
                #expect(words.isDisjoint(with: other), "\(language) \(screen.name): \(words.intersection(other).sorted())\n\(screen.text)")
                #expect(!words.isDisjoint(with: own), "\(language) \(screen.name) has none of its own words:\n\(screen.text)")
            }
        }

        static func sox(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sox"] + arguments
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "sox \(arguments)")
        }
    }
}
