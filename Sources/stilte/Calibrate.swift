import ArgumentParser
import StiltePractice
import StilteAnalysis
import StilteAudio
import StilteCore

extension Stilte {
    /// `stilte calibrate`: measures how fast the trainee counts in silence, so the count fits the target.
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Measure your pace of silent counting; from then on Stilte tells you what to count.", nl: "Meet hoe snel je in stilte telt; daarna zegt Stilte je tot hoever je moet tellen."),
            discussion: Interface.text(en: """
                Count 21, 22, 23, 24 in silence as soon as the prompt appears, then say "now" (or "nu") \
                aloud. With --aloud, count 21 … 24 aloud once instead. The pace is stored for the trainee \
                and logged; rehearsals then count as far as it takes you to reach the target.
                """, nl: "Tel in stilte 21, 22, 23, 24 zodra de opdracht verschijnt en zeg dan hardop \"nu\" (of \"now\"). Met --aloud tel je in plaats daarvan één keer hardop 21 … 24. Je tempo wordt voor de cursist bewaard en vastgelegd; bij het oefenen tel je daarna zo ver als jij nodig hebt om het doel te halen."))

        @Option(help: .text(en: "Who is practising (default: $STILTE_TRAINEE, else $USER).", nl: "Wie er oefent (standaard: $STILTE_TRAINEE, anders $USER)."), completion: Completions.traineeNames)
        var trainee: String?

        @Flag(help: .text(en: "Count 21 … 24 aloud once instead of silently followed by \"now\".", nl: "Tel één keer hardop 21 … 24, in plaats van in stilte gevolgd door \"nu\"."))
        var aloud = false

        @Option(help: .text(en: "Measure a recording of the count instead of the microphone (WAV, FLAC, Ogg).", nl: "Meet een opname van het tellen in plaats van de microfoon (WAV, FLAC, Ogg)."), completion: .file())
        var file: String?

        @Option(help: .text(en: "ALSA device to record from (see `stilte devices`).", nl: "ALSA-apparaat om mee op te nemen (zie `stilte devices`)."), completion: Completions.captureDevices)
        var captureDevice: String = AudioDevice.defaultName

        @Option(help: .text(en: "Longest recording in seconds.", nl: "Langste opname in seconden."))
        var maxSeconds: Double = 15

        func validate() throws {
            if !(maxSeconds >= 3 && maxSeconds <= 60) {
                throw ValidationError(Phrase(en: "--max-seconds must be between 3 and 60, not \(maxSeconds)",
                                             nl: "--max-seconds moet tussen 3 en 60 liggen, niet \(maxSeconds)").text(Interface.language))
            }
        }

        var mode: Calibration.Mode { aloud ? .aloud : .silent }

        /// Gaps between numbers counted aloud are not the end of the count.
        var parameters: AnalysisParameters { AnalysisParameters(minPause: aloud ? 1.2 : AnalysisParameters.defaultMinPause) }

        func run() throws {
            let log = try LogAccess.open()
            let context = try TraineeContext.load(trainee, log: log, remember: true)
            let language = context.language
            let analysis: Analysis
            if let file {
                analysis = try FileAnalysis.run(path: file, parameters: parameters).analysis
            } else {
                let cue = aloud
                    ? Phrase(en: "Now count aloud, at your own pace: 21, 22, 23, 24.", nl: "Tel nu hardop, in je eigen tempo: 21, 22, 23, 24.")
                    : Phrase(en: "Now count 21, 22, 23, 24 in silence, then say “now” aloud.",
                             nl: "Tel nu in stilte 21, 22, 23, 24 en zeg dan hardop “nu”.")
                print(cue.text(language))
                analysis = try record(language)
            }
            guard let pace = Calibration.secondsPerCount(analysis, mode: mode) else {
                throw CommandFailure(Phrase(
                    en: "no count was measured (no speech, or a pace outside 0.4–2 s a number): try again in a quiet room",
                    nl: "geen tellen gemeten (geen spraak, of een tempo buiten 0,4–2 s per getal): probeer het opnieuw in een stille ruimte")
                    .text(language))
            }
            if let coaching = log as? any CoachingLog {
                var preferences = context.preferences
                preferences.secondsPerCount = pace
                try coaching.savePreferences(preferences, trainee: context.name)
                try coaching.record(CoachingEvent(kind: .calibration, value: pace), trainee: context.name)
            }
            let seconds = NumberFormat.seconds(pace, language)
            let four = RehearsalText.numbers(CountPlan(target: 4, secondsPerCount: pace))
            let two = RehearsalText.numbers(CountPlan(target: 2, secondsPerCount: pace))
            print(Phrase(en: "One count takes you \(seconds). For 4 s count \(four); for 2 s count \(two).",
                         nl: "Eén tel duurt bij jou \(seconds). Voor 4 s tel je \(four); voor 2 s tel je \(two).").text(language))
        }

        /// Records from the microphone until the count is over (the word after it has ended) or `maxSeconds`.
        func record(_ language: Language) throws -> Analysis {
            let interruption = Interruption()
            let capture: LiveCapture
            do throws(AudioError) {
                capture = try LiveCapture.start(device: captureDevice, sampleRate: 16_000)
            } catch {
                throw CommandFailure.device(error, role: .capture, format: .mono(sampleRate: 16_000))
            }
            defer { capture.stop() }
            var analyzer: PauseAnalyzer
            do { analyzer = try PauseAnalyzer(sampleRate: 16_000, channels: 1, parameters: parameters) } catch {
                throw CommandFailure(error.description)
            }
            var block = [Float](repeating: 0, count: capture.blockFrames)
            loop: while analyzer.seconds < maxSeconds, !interruption.flag.isRaised {
                let event = block.withUnsafeMutableBufferPointer { capture.next(into: $0) }
                switch event {
                case .samples(let count, _)?:
                    let events = block.withUnsafeBufferPointer { analyzer.process(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                    if events.contains(where: { if case .refusalEnded = $0 { true } else { false } }) { break loop }
                case .gap?, nil:
                    continue
                case .ended(let error)?:
                    if let error { throw CommandFailure.device(error, role: .capture, format: .mono(sampleRate: 16_000)) }
                    break loop
                }
            }
            return analyzer.finish()
        }
    }
}
