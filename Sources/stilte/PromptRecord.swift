import ArgumentParser
import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore
import StiltePractice

extension Stilte.Prompt {
    /// `stilte prompt record SCENARIO [--turn N]`: a real voice for a client turn.
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a real voice for a client prompt, replacing the synthetic one.",
            discussion: """
                Shows the client's line, records you reading it (stop with Enter, or it stops 2 s after you \
                finish), trims the silence at both ends, normalises the peak to -3 dBFS and plays it back. \
                Keep it and it replaces the turn's audio: a WAV file of the same name next to the old one, \
                and the scenario file's `audio:` line for that turn is updated. Ctrl-C changes nothing.
                """)

        @Argument(help: "Scenario id (see `stilte scenarios`).", completion: Completions.scenarioIds)
        var scenario: String

        @Option(help: "Which client turn (1-based).")
        var turn: Int = 1

        @Option(help: "ALSA device to record from (see `stilte devices`).", completion: Completions.captureDevices)
        var captureDevice: String = AudioDevice.defaultName

        @Option(help: "ALSA device to play the result on.", completion: Completions.playbackDevices)
        var playbackDevice: String = AudioDevice.defaultName

        @Option(help: "Longest recording in seconds.")
        var maxSeconds: Double = 30

        @Flag(help: "Keep the recording without asking (needed without a terminal).")
        var yes = false

        @OptionGroup var library: ScenarioLibraryOptions

        func validate() throws {
            if turn < 1 { throw ValidationError("--turn counts from 1, not \(turn)") }
            if !(maxSeconds >= 1 && maxSeconds <= 120) {
                throw ValidationError("--max-seconds must be between 1 and 120, not \(maxSeconds)")
            }
        }

        func run() throws {
            let library = try self.library.load()
            guard let scenario = library.scenario(id: scenario) else {
                throw CommandFailure("no scenario '\(self.scenario)' in \(library.scenariosDirectory.path): `stilte scenarios` lists them")
            }
            guard scenario.turns.indices.contains(turn - 1) else {
                throw CommandFailure("scenario \(scenario.id) has \(scenario.turns.count) turn\(scenario.turns.count == 1 ? "" : "s"), not \(turn): choose --turn 1…\(scenario.turns.count)")
            }
            let clientTurn = scenario.turns[turn - 1]
            let terminal = Terminal()
            let interruption = Interruption()
            defer { terminal.restore() }
            terminal.print(["Read the client's line aloud (\(scenario.client.name)):"]
                           + Wrap.lines("“\(clientTurn.prompt)”", columns: 78).map { "  " + $0 }
                           + ["Recording… " + (terminal.interactive ? "press Enter when done." : "it stops 2 s after you finish.")])
            terminal.enterKeyMode()
            let voice = try PromptTake.record(device: captureDevice, maxSeconds: maxSeconds, terminal: terminal, stop: interruption.flag,
                                              language: Interface.language)
            if interruption.flag.isRaised {
                terminal.print(["Stopped: nothing was changed."])
                throw ExitCode(130)
            }
            guard let prepared = voice.trimmedAndNormalised() else {
                throw CommandFailure("no voice was heard on '\(captureDevice)': nothing was changed — check the microphone with `stilte record` and try again")
            }
            let target = PromptFile(turn: clientTurn, scenario: scenario)
            let draft = try target.writeDraft(prepared, sampleRate: PromptTake.sampleRate)
            defer { try? FileManager.default.removeItem(at: draft) }
            terminal.print([String(format: "Recorded %.2f s (trimmed, peak -3 dBFS). Playing it back…", Double(prepared.count) / Double(PromptTake.sampleRate))])
            do throws(AudioError) { _ = try AudioPlayer.play(file: draft.path, device: playbackDevice, stop: interruption.flag) } catch {
                throw CommandFailure.device(error, role: "playback", format: "\(PromptTake.sampleRate) Hz mono")
            }
            var keep = yes
            if !keep, terminal.interactive {
                terminal.print(["Keep it and replace \(clientTurn.audio)? y: yes   n: no"])
                keep = terminal.waitForKey(["y", "n"], stop: { interruption.flag.isRaised }) == "y"
            }
            guard keep else {
                terminal.print(["Not kept: \(clientTurn.audio) is unchanged." + (terminal.interactive ? "" : " (Pass --yes to keep without asking.)")])
                return
            }
            let replaced = try target.replace(with: draft)
            terminal.print(["Saved \(replaced.path); scenario \(scenario.id) turn \(turn) now plays it."])
        }
    }
}
