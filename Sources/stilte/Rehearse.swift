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
            abstract: Interface.text(en: "Practise: hear the client, answer aloud, see how long you stayed silent after your no.", nl: "Oefen: hoor de klant, antwoord hardop en zie hoe lang je stil bleef na je nee."),
            discussion: Interface.text(en: """
                Shows the scenario, measures the room for a moment, plays the client's prompt and records \
                your answer. On a terminal a live counter counts your silence (21 … 22 … 23 … 24) and a bar \
                fills toward the target. The take stops once your solution is followed by 2.5 s of silence (a filler is no solution; the scenario can change this), at --max-seconds, on Enter \
                or on Ctrl-C; in every case the recording and its measurement are saved (`stilte takes`). \
                Then: r replay, a again, n next scenario, q quit. Without a terminal one pass is made and \
                the result printed (--json: the analysis plus scenario, trainee and take id). \
                --demo plays a bundled example answer instead of a microphone. With --live fade the counter \
                disappears as you get it right, and Stilte first asks how long you think you were silent.
                """, nl: "Toont het scenario, luistert even naar de ruimte, speelt de vraag van de klant af en neemt je antwoord op. Op een terminal telt een teller je stilte mee (21 … 22 … 23 … 24) en loopt een balk vol tot het doel; met --live fade verdwijnt die teller als je het goed doet, en vraagt Stilte eerst hoe lang je denkt dat je stil was. De opname stopt zodra je oplossing gevolgd wordt door 2,5 s stilte (een stopwoord is geen oplossing; het scenario kan dit anders instellen), bij --max-seconds, bij Enter of bij Ctrl-C; de opname en de meting worden altijd bewaard (`stilte takes`). Daarna: r opnieuw beluisteren, a nog eens, n volgend scenario, q stoppen. Zonder terminal wordt één keer geoefend en het resultaat getoond (--json: de meting plus scenario, cursist en opnamenummer). --demo speelt een meegeleverd voorbeeldantwoord af in plaats van de microfoon."))

        @Argument(help: .text(en: "Scenario id (see `stilte scenarios`). Default: the one due (see `stilte next`).", nl: "Id van het scenario (zie `stilte scenarios`). Standaard: het scenario dat aan de beurt is (zie `stilte next`)."), completion: Completions.scenarioIds)
        var scenario: String?

        @Option(help: .text(en: "Who is practising (default: $STILTE_TRAINEE, else $USER).", nl: "Wie er oefent (standaard: $STILTE_TRAINEE, anders $USER)."), completion: Completions.traineeNames)
        var trainee: String?

        @Option(help: .text(en: "ALSA device the client is played on (see `stilte devices`).", nl: "ALSA-apparaat waarop de klant te horen is (zie `stilte devices`)."), completion: Completions.playbackDevices)
        var playbackDevice: String?

        @Option(help: .text(en: "ALSA device your answer is recorded from (see `stilte devices`).", nl: "ALSA-apparaat waarmee je antwoord wordt opgenomen (zie `stilte devices`)."), completion: Completions.captureDevices)
        var captureDevice: String = AudioDevice.defaultName

        @Option(help: .text(en: "Target pause in seconds (default: the scenario's, usually 4).", nl: "Doelpauze in seconden (standaard die van het scenario, meestal 4)."))
        var target: Double?

        @Option(help: .text(en: "Longest answer in seconds.", nl: "Langste antwoord in seconden."))
        var maxSeconds: Double = 45

        @Flag(help: .text(en: "Print the result as JSON (one object per take; an array for several turns).", nl: "Geef het resultaat als JSON (één object per opname; een lijst bij meerdere beurten)."))
        var json = false

        @Flag(help: .text(en: "Use the bundled example answer (Audio/demo) as the microphone; labelled DEMO.", nl: "Gebruik het meegeleverde voorbeeldantwoord (Audio/demo) als microfoon; gemarkeerd als DEMO."))
        var demo = false

        @Flag(help: .text(en: "When the capture device cannot be opened, say so and run the demo.", nl: "Als het opnameapparaat niet opengaat: meld dat en speel de demo."))
        var demoIfNoMicrophone = false

        @Option(help: .text(en: "The live counter: always, fade (every take at first, then every other, then off as you get it right; stored), never.",
                            nl: "De teller tijdens het antwoord: always (altijd), fade (eerst elke keer, dan om de keer, dan niet meer naarmate je het goed doet; wordt bewaard), never (nooit)."))
        var live: LiveMode?

        @Option(help: .text(en: "on: your target steps up 2 → 3 → 4 s after 3 on target in a row at each; off: the scenario's target (stored).",
                            nl: "on: je doel gaat van 2 naar 3 naar 4 s na telkens 3 keer op rij raak; off: het doel van het scenario (wordt bewaard)."))
        var graduatedTarget: Switch?

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
                throw ValidationError(Interface.text(en: "--max-seconds must be between 1 and 600, not \(maxSeconds)",
                                                     nl: "--max-seconds moet tussen 1 en 600 liggen, niet \(maxSeconds)"))
            }
            if let trainee, trainee.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(Interface.text(en: "--trainee must not be empty", nl: "--trainee mag niet leeg zijn"))
            }
        }

        func run() throws {
            let library = try self.library.load()
            let log = try LogAccess.openRecovering()
            let context = try TraineeContext.load(trainee, log: log, remember: true)
            let preferences = try remember(context, log: log)
            let terminal = Terminal()
            let interruption = Interruption()
            let trace = try liveTrace.map(LiveTrace.init(path:))
            let devices = RehearsalDevices(playback: playbackDevice ?? AudioDevice.defaultName, capture: captureDevice,
                                           demo: demo, paced: false)
            var settings = Rehearsal.Settings(trainee: context.name, target: target, maxSeconds: maxSeconds, json: json,
                                demoIfNoMicrophone: demoIfNoMicrophone, playbackNamed: playbackDevice != nil,
                                liveTrace: trace, language: context.language,
                                secondsPerCount: context.preferences.secondsPerCount ?? CountPlan.uncalibratedSecondsPerCount,
                                appVersion: StilteVersion.current)
            settings.liveMode = preferences.liveMode ?? .fade
            settings.graduated = preferences.graduatedTarget
            let rehearsal = Rehearsal(library: library, log: log, settings: settings,
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

        /// The trainee's preferences with `--live` and `--graduated-target` stored in them when given.
        func remember(_ context: TraineeContext, log: any SessionLog) throws -> TraineePreferences {
            var preferences = context.preferences
            if let live { preferences.liveMode = live }
            if let graduatedTarget { preferences.graduatedTarget = graduatedTarget == .on }
            if preferences != context.preferences, let coaching = log as? any CoachingLog {
                try coaching.savePreferences(preferences, trainee: context.name)
            }
            return preferences
        }

        /// The scenario named, else the one due in the trainee's spaced practice (`stilte next`).
        func chosenScenario(_ library: ScenarioLibrary, log: any SessionLog, context: TraineeContext, demo: Bool) throws -> Scenario {
            if let scenario {
                if let found = library.scenario(id: scenario) { return found }
                if let error = library.errors(forID: scenario).first { throw CommandFailure(Interface.text(en: "scenario \(scenario) cannot be used: \(error)", nl: "scenario \(scenario) is niet te gebruiken: \(error)")) }
                throw CommandFailure(Interface.text(en: "no scenario '\(scenario)' in \(library.scenariosDirectory.path): `stilte scenarios` lists them",
                                                    nl: "geen scenario '\(scenario)' in \(library.scenariosDirectory.path): `stilte scenarios` toont ze"))
            }
            let due = try context.schedule(library.scenarios, log: log, demo: demo).next(at: TraineeContext.now)
            guard let id = due?.scenarioId, let found = library.scenario(id: id) else {
                throw CommandFailure(Interface.text(en: "no usable scenario in \(library.scenariosDirectory.path): `stilte scenarios` shows what is wrong",
                                                nl: "geen bruikbaar scenario in \(library.scenariosDirectory.path): `stilte scenarios` laat zien wat er mis is"))
            }
            return found
        }
    }
}
