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
            abstract: Interface.text(en: "Record a real voice for a client prompt, replacing the synthetic one.", nl: "Neem een echte stem op voor een tekst van de klant, in plaats van de kunstmatige."),
            discussion: Interface.text(en: """
                Shows the client's line, records you reading it (stop with Enter, or it stops 2 s after you \
                finish), trims the silence at both ends, normalises the peak to -3 dBFS and plays it back. \
                Keep it and it replaces the turn's audio: a WAV file of the same name next to the old one, \
                and the scenario file's `audio:` line for that turn is updated. Ctrl-C changes nothing.
                """, nl: "Toont de zin van de klant en neemt op hoe jij hem voorleest (stop met Enter, of het stopt 2 s nadat je klaar bent), knipt de stilte aan beide kanten weg, zet de piek op -3 dBFS en speelt het af. Bewaar je het, dan vervangt het de audio van de beurt: een WAV-bestand met dezelfde naam naast het oude, en de regel `audio:` van die beurt in het scenariobestand wordt bijgewerkt. Ctrl-C verandert niets."))

        @Argument(help: .text(en: "Scenario id (see `stilte scenarios`).", nl: "Id van het scenario (zie `stilte scenarios`)."), completion: Completions.scenarioIds)
        var scenario: String

        @Option(help: .text(en: "Which client turn (1-based).", nl: "Welke beurt van de klant (vanaf 1)."))
        var turn: Int = 1

        @Option(help: .text(en: "ALSA device to record from (see `stilte devices`).", nl: "ALSA-apparaat om mee op te nemen (zie `stilte devices`)."), completion: Completions.captureDevices)
        var captureDevice: String = AudioDevice.defaultName

        @Option(help: .text(en: "ALSA device to play the result on.", nl: "ALSA-apparaat om het resultaat op af te spelen."), completion: Completions.playbackDevices)
        var playbackDevice: String = AudioDevice.defaultName

        @Option(help: .text(en: "Longest recording in seconds.", nl: "Langste opname in seconden."))
        var maxSeconds: Double = 30

        @Flag(help: .text(en: "Keep the recording without asking (needed without a terminal).", nl: "Bewaar de opname zonder te vragen (nodig zonder terminal)."))
        var yes = false

        @OptionGroup var library: ScenarioLibraryOptions

        func validate() throws {
            if turn < 1 { throw ValidationError(Interface.text(en: "--turn counts from 1, not \(turn)", nl: "--turn telt vanaf 1, niet \(turn)")) }
            if !(maxSeconds >= 1 && maxSeconds <= 120) {
                throw ValidationError(Interface.text(en: "--max-seconds must be between 1 and 120, not \(maxSeconds)",
                                                     nl: "--max-seconds moet tussen 1 en 120 liggen, niet \(maxSeconds)"))
            }
        }

        func run() throws {
            let library = try self.library.load()
            guard let scenario = library.scenario(id: scenario) else {
                throw CommandFailure(Phrase(en: "no scenario '\(self.scenario)' in \(library.scenariosDirectory.path): `stilte scenarios` lists them",
                                            nl: "geen scenario '\(self.scenario)' in \(library.scenariosDirectory.path): `stilte scenarios` toont ze"))
            }
            guard scenario.turns.indices.contains(turn - 1) else {
                throw CommandFailure(Phrase(
                    en: "scenario \(scenario.id) has \(scenario.turns.count) turn\(scenario.turns.count == 1 ? "" : "s"), not \(turn): choose --turn 1…\(scenario.turns.count)",
                    nl: "scenario \(scenario.id) heeft \(scenario.turns.count) beurt\(scenario.turns.count == 1 ? "" : "en"), niet \(turn): kies --turn 1…\(scenario.turns.count)"))
            }
            let clientTurn = scenario.turns[turn - 1]
            let terminal = Terminal()
            let interruption = Interruption()
            defer { terminal.restore() }
            terminal.print([Interface.text(en: "Read the client's line aloud (\(scenario.client.name)):",
                                           nl: "Lees de zin van de klant hardop voor (\(scenario.client.name)):")]
                           + Wrap.lines("“\(clientTurn.prompt)”", columns: 78).map { "  " + $0 }
                           + [terminal.interactive ? Interface.text(en: "Recording… press Enter when done.", nl: "Opname loopt… druk op Enter als je klaar bent.")
                              : Interface.text(en: "Recording… it stops 2 s after you finish.", nl: "Opname loopt… die stopt 2 s nadat je klaar bent.")])
            terminal.enterKeyMode()
            let voice = try PromptTake.record(device: captureDevice, maxSeconds: maxSeconds, terminal: terminal, stop: interruption.flag,
                                              language: Interface.language)
            if interruption.flag.isRaised {
                terminal.print([Interface.text(en: "Stopped: nothing was changed.", nl: "Gestopt: er is niets veranderd.")])
                throw ExitCode(130)
            }
            guard let prepared = voice.trimmedAndNormalised() else {
                throw CommandFailure(Phrase(
                    en: "no voice was heard on '\(captureDevice)': nothing was changed — check the microphone with `stilte record` and try again",
                    nl: "geen stem gehoord op '\(captureDevice)': er is niets veranderd — controleer de microfoon met `stilte record` en probeer het opnieuw"))
            }
            let target = PromptFile(turn: clientTurn, scenario: scenario)
            let draft = try target.writeDraft(prepared, sampleRate: PromptTake.sampleRate)
            defer { try? FileManager.default.removeItem(at: draft) }
            let recorded = Interface.seconds(Double(prepared.count) / Double(PromptTake.sampleRate))
            terminal.print([Interface.text(en: "Recorded \(recorded) (trimmed, peak -3 dBFS). Playing it back…",
                                           nl: "\(recorded) opgenomen (bijgesneden, piek -3 dBFS). Ik speel het terug…")])
            do throws(AudioError) { _ = try AudioPlayer.play(file: draft.path, device: playbackDevice, stop: interruption.flag) } catch {
                throw CommandFailure.device(error, role: .playback, format: .mono(sampleRate: PromptTake.sampleRate))
            }
            var keep = yes
            if !keep, terminal.interactive {
                terminal.print([Interface.text(en: "Keep it and replace \(clientTurn.audio)? y: yes   n: no",
                                               nl: "Bewaren en \(clientTurn.audio) vervangen? j: ja   n: nee")])
                keep = ["y", "j"].contains(terminal.waitForKey(["y", "j", "n"], stop: { interruption.flag.isRaised }))
            }
            guard keep else {
                terminal.print([Interface.text(en: "Not kept: \(clientTurn.audio) is unchanged.", nl: "Niet bewaard: \(clientTurn.audio) is ongewijzigd.")
                                + (terminal.interactive ? "" : Interface.text(en: " (Pass --yes to keep without asking.)",
                                                                              nl: " (Geef --yes om zonder vragen te bewaren.)"))])
                return
            }
            let replaced = try target.replace(with: draft)
            terminal.print([Interface.text(en: "Saved \(replaced.path); scenario \(scenario.id) turn \(turn) now plays it.",
                                           nl: "\(replaced.path) bewaard; scenario \(scenario.id) beurt \(turn) speelt het nu af.")])
        }
    }
}
