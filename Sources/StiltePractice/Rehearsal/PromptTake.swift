import Foundation
import StilteAnalysis
import StilteAudio
import StilteCore

/// A trainer's voice for a prompt: captured until Enter, Ctrl-C, a silence after
/// the speech or the maximum length; then trimmed and normalised.
public struct PromptTake {
    /// The capture rate of a prompt, in Hz.
    public static let sampleRate = 22_050
    /// Silence after the voice that ends the recording.
    static let silenceAfterVoice = 2.0
    /// Kept around the voice when trimming, in seconds (before, after).
    static let margins = (before: 0.08, after: 0.15)
    /// The peak after normalising: -3 dBFS, as the synthetic prompts.
    static let peak: Float = 0.7079

    /// Everything captured.
    public var samples: [Float]
    /// What the pause engine found in it.
    public var analysis: Analysis

    /// Captures from `device` until the trainer ends it on `terminal` (Enter), `stop`, a silence after
    /// the voice or `maxSeconds`; failures are told in `language`.
    public static func record(device: String, maxSeconds: Double, terminal: any RehearsalControls, stop: StopFlag,
                              language: Language) throws -> PromptTake {
        let capture: LiveCapture
        do throws(AudioError) { capture = try LiveCapture.start(device: device, sampleRate: sampleRate, ringSeconds: maxSeconds + 5) } catch {
            throw PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: sampleRate), language: language)
        }
        defer { capture.stop() }
        var analyzer: PauseAnalyzer
        do { analyzer = try PauseAnalyzer(sampleRate: sampleRate, channels: 1) } catch {
            throw PracticeFailure("cannot analyse the recording: \(error)")
        }
        var samples: [Float] = []
        var buffer = [Float](repeating: 0, count: capture.blockFrames)
        var voiced = false
        var silentSince: Double?
        // The same input level line as `stilte record`, cleared before the next message.
        var meter = LevelMeter()
        defer { meter.finish() }
        let limit = Int(maxSeconds * Double(sampleRate))
        loop: while samples.count < limit, !stop.isRaised, !terminal.answerEnded() {
            switch buffer.withUnsafeMutableBufferPointer({ capture.next(into: $0, timeout: .milliseconds(20)) }) {
            case .samples(let count, _)?:
                let events = buffer.withUnsafeBufferPointer { analyzer.process(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                samples.append(contentsOf: buffer[0..<count])
                let peak = buffer.withUnsafeBufferPointer { PeakLevel.peak(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                meter.update(peak: peak, seconds: Double(samples.count) / Double(sampleRate))
                for event in events {
                    switch event {
                    case .speechStarted: voiced = true; silentSince = nil
                    case .silenceStarted(let at): silentSince = at
                    case .refusalEnded, .pauseEnded, .segment: break
                    }
                }
                let now = Double(samples.count) / Double(sampleRate)
                if voiced, let since = silentSince, now - since >= silenceAfterVoice { break loop }
            case .ended(let error)?:
                if let error { throw PracticeFailure.device(error, role: .capture, format: .mono(sampleRate: sampleRate), language: language) }
                break loop
            case .gap?, nil:
                continue
            }
        }
        return PromptTake(samples: samples, analysis: analyzer.finish())
    }

    /// The voice from just before its first sound to just after its last, peak at -3 dBFS;
    /// nil when no speech was found.
    public func trimmedAndNormalised() -> [Float]? {
        guard let first = analysis.segments.first, let last = analysis.segments.last else { return nil }
        let rate = Double(Self.sampleRate)
        let start = max(0, Int(((first.start - Self.margins.before) * rate).rounded(.down)))
        let end = min(samples.count, Int(((last.end + Self.margins.after) * rate).rounded(.up)))
        guard end > start else { return nil }
        let voice = samples[start..<end]
        let peak = voice.reduce(Float(0)) { max($0, abs($1)) }
        guard peak > 0 else { return nil }
        let gain = Self.peak / peak
        return voice.map { $0 * gain }
    }
}

/// Where a turn's new prompt goes: `Audio/<same name>.wav`, and the scenario file's
/// `audio:` line for the turn when the name changes.
public struct PromptFile {
    public let turn: ScenarioTurn
    public let scenario: Scenario

    public init(turn: ScenarioTurn, scenario: Scenario) {
        self.turn = turn
        self.scenario = scenario
    }

    /// The recording's final place: the turn's file when it is a WAV, else a WAV of the same name beside it.
    public var destination: URL {
        let current = turn.audioURL
        return current.pathExtension.lowercased() == "wav" ? current : current.deletingPathExtension().appendingPathExtension("wav")
    }

    /// The `audio:` value pointing at `destination`.
    public var newAudioValue: String {
        let old = turn.audio
        guard let dot = old.lastIndex(of: "."), destination != turn.audioURL else { return old }
        return String(old[..<dot]) + ".wav"
    }

    /// Writes `samples` next to the destination (a hidden draft file).
    public func writeDraft(_ samples: [Float], sampleRate: Int) throws -> URL {
        let draft = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).draft-\(getpid())")
        do throws(AudioError) {
            let writer = try RecordingWriter(path: draft.path, sampleRate: sampleRate, replacing: true)
            try writer.write(samples)
            try writer.close()
        } catch {
            throw PracticeFailure("cannot write '\(error.subject)': \(error.message) (\(error.function)): check that Audio/ is writable")
        }
        return draft
    }

    /// Moves the draft into place and points the scenario at it; returns the new file.
    public func replace(with draft: URL) throws -> URL {
        var updatedScenario: String?
        if newAudioValue != turn.audio {
            let text: String
            do { text = try String(contentsOf: scenario.file, encoding: .utf8) } catch {
                throw PracticeFailure("cannot read \(scenario.file.path): \(FileProblem(error).en)")
            }
            let lines = text.components(separatedBy: "\n")
            let matches = lines.indices.filter { Self.audioValue(lines[$0]) == turn.audio }
            guard matches.count == 1, let index = matches.first else {
                throw PracticeFailure("\(scenario.file.path): cannot tell which `audio: \(turn.audio)` line to change (\(matches.count) found): set it to \(newAudioValue) by hand; the recording is in \(draft.path)")
            }
            var changed = lines
            changed[index] = lines[index].replacingOccurrences(of: turn.audio, with: newAudioValue)
            updatedScenario = changed.joined(separator: "\n")
        }
        guard rename(draft.path, destination.path) == 0 else {
            throw PracticeFailure("cannot move the recording to \(destination.path): \(String(cString: strerror(errno)))")
        }
        if let updatedScenario {
            do { try updatedScenario.write(to: scenario.file, atomically: true, encoding: .utf8) } catch {
                throw PracticeFailure("\(scenario.file.path): cannot update the turn's audio line (\(FileProblem(error).en)): set it to \(newAudioValue) by hand")
            }
        }
        return destination
    }

    /// The value of an `audio:` line (`  audio: x.ogg`, quotes removed), nil for other lines.
    public static func audioValue(_ line: String) -> String? {
        var rest = line.trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("- ") { rest = String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        guard rest.hasPrefix("audio:") else { return nil }
        let value = rest.dropFirst("audio:".count).trimmingCharacters(in: .whitespaces)
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
