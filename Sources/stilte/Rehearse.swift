import ArgumentParser
import Foundation
import StilteAudio
import StilteAnalysis
import StilteCore
import StiltePractice

extension Stilte {
    /// `stilte rehearse`: the main job — hear the client, answer, see the pause after the no.
    struct Rehearse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Practise: hear the client, answer aloud, see how long you stayed silent after your no.",
            discussion: """
                Shows the scenario, measures the room for a moment, plays the client's prompt and records \
                your answer. On a terminal a live counter counts your silence (21 … 22 … 23 … 24) and a bar \
                fills toward the target. The take stops once your solution is followed by 2.5 s of silence (a filler is no solution; the scenario can change this), at --max-seconds, on Enter \
                or on Ctrl-C; in every case the recording and its measurement are saved (`stilte takes`). \
                Then: r replay, a again, n next scenario, q quit. Without a terminal one pass is made and \
                the result printed (--json: the analysis plus scenario, trainee and take id). \
                --demo plays a bundled example answer instead of a microphone.
                """)

        @Argument(help: "Scenario id (see `stilte scenarios`). Default: the one due (see `stilte next`).", completion: Completions.scenarioIds)
        var scenario: String?

        @Option(help: "Who is practising (default: $STILTE_TRAINEE, else $USER).", completion: Completions.traineeNames)
        var trainee: String?

        @Option(help: "ALSA device the client is played on (see `stilte devices`).", completion: Completions.playbackDevices)
        var playbackDevice: String?

        @Option(help: "ALSA device your answer is recorded from (see `stilte devices`).", completion: Completions.captureDevices)
        var captureDevice: String = AudioDevice.defaultName

        @Option(help: "Target pause in seconds (default: the scenario's, usually 4).")
        var target: Double?

        @Option(help: "Longest answer in seconds.")
        var maxSeconds: Double = 45

        @Flag(help: "Print the result as JSON (one object per take; an array for several turns).")
        var json = false

        @Flag(help: "Use the bundled example answer (Audio/demo) as the microphone; labelled DEMO.")
        var demo = false

        @Flag(help: "When the capture device cannot be opened, say so and run the demo.")
        var demoIfNoMicrophone = false

        @Option(help: .hidden)
        var liveTrace: String?

        @OptionGroup var library: ScenarioLibraryOptions

        func validate() throws {
            if let target {
                do { _ = try PauseTarget(seconds: target, tolerance: 0).validated() } catch {
                    throw ValidationError(ParameterText.phrase(error).text(Interface.language))
                }
            }
            if !(maxSeconds >= 1 && maxSeconds <= 600) {
                throw ValidationError("--max-seconds must be between 1 and 600, not \(maxSeconds)")
            }
            if let trainee, trainee.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--trainee must not be empty")
            }
        }

        func run() throws {
            let library = try self.library.load()
            let log = try LogAccess.openRecovering()
            let context = try TraineeContext.load(trainee, log: log, remember: true)
            let terminal = Terminal()
            let interruption = Interruption()
            let trace = try liveTrace.map(LiveTrace.init(path:))
            let devices = RehearsalDevices(playback: playbackDevice ?? AudioDevice.defaultName, capture: captureDevice,
                                           demo: demo, paced: false)
            let rehearsal = Rehearsal(
                library: library, log: log,
                settings: .init(trainee: context.name, target: target, maxSeconds: maxSeconds, json: json,
                                demoIfNoMicrophone: demoIfNoMicrophone, playbackNamed: playbackDevice != nil,
                                liveTrace: trace, language: context.language,
                                secondsPerCount: context.preferences.secondsPerCount ?? CountPlan.uncalibratedSecondsPerCount,
                                appVersion: StilteVersion.current),
                devices: devices, controls: terminal, interruption: interruption.flag)
            let first = try chosenScenario(library, log: log, context: context, demo: devices.demo)
            let screen = RehearsalScreen(terminal: terminal, language: context.language, json: json,
                                         maxSeconds: maxSeconds, trace: trace)
            let drawn = screen.start(rehearsal.events)
            do {
                try rehearsal.run(first: first)
                drawn.wait()
                terminal.restore()
            } catch {
                drawn.wait()
                terminal.restore()
                // The takes saved before a failure (a device unplugged mid-take) are still printed.
                if json, !rehearsal.results.isEmpty { print(try RehearsalJSON.render(rehearsal.results)) }
                throw error
            }
            if json, !rehearsal.results.isEmpty { print(try RehearsalJSON.render(rehearsal.results)) }
            if interruption.flag.isRaised { throw ExitCode(130) }
        }

        /// The scenario named, else the one due in the trainee's spaced practice (`stilte next`).
        func chosenScenario(_ library: ScenarioLibrary, log: any SessionLog, context: TraineeContext, demo: Bool) throws -> Scenario {
            if let scenario {
                if let found = library.scenario(id: scenario) { return found }
                if let error = library.errors(forID: scenario).first { throw CommandFailure("scenario \(scenario) cannot be used: \(error)") }
                throw CommandFailure("no scenario '\(scenario)' in \(library.scenariosDirectory.path): `stilte scenarios` lists them")
            }
            let due = try context.schedule(library.scenarios, log: log, demo: demo).next(at: TraineeContext.now)
            guard let id = due?.scenarioId, let found = library.scenario(id: id) else {
                throw CommandFailure("no usable scenario in \(library.scenariosDirectory.path): `stilte scenarios` shows what is wrong")
            }
            return found
        }
    }
}
