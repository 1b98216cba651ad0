import ArgumentParser
import StilteAudio
import StilteCore
import StiltePractice

extension Stilte {
    /// `stilte record FILE`: records mono 16-bit WAV from an ALSA device.
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Record from an ALSA device to a mono 16-bit WAV file.", nl: "Neem op van een ALSA-apparaat naar een mono 16-bit WAV-bestand."),
            discussion: Interface.text(en: """
                The file is a valid WAV at every moment while recording (created with mode 0600). \
                Ctrl-C ends the recording: the file is finished, the summary printed, and the exit \
                status is 0. Overruns and suspends are reported with their position; a lost device \
                or a full disk ends the recording with an error and keeps what was written.
                """, nl: "Het bestand is op elk moment van de opname een geldige WAV (gemaakt met modus 0600). Ctrl-C beëindigt de opname: het bestand wordt afgesloten, de samenvatting getoond en de afsluitcode is 0. Overruns en onderbrekingen worden gemeld met hun positie; een verdwenen apparaat of een volle schijf beëindigt de opname met een foutmelding en houdt wat al geschreven was."))

        @Argument(help: .text(en: "The WAV file to write (an existing file is kept unless --overwrite).", nl: "Het WAV-bestand om te schrijven (een bestaand bestand blijft staan, tenzij --overwrite)."))
        var file: String

        @Flag(help: .text(en: "Replace FILE if it exists.", nl: "Overschrijf FILE als het al bestaat."))
        var overwrite = false

        @OptionGroup var options: DeviceOptions

        @Option(help: .text(en: "Stop after this many seconds (default: until Ctrl-C).", nl: "Stop na zoveel seconden (standaard: tot Ctrl-C)."))
        var seconds: Double?

        @Option(help: .text(en: "Sample rate in Hz.", nl: "Samplefrequentie in Hz."))
        var rate: Int = 16_000

        func validate() throws {
            if let seconds, !(seconds > 0 && seconds <= 86_400) {
                throw ValidationError(Interface.text(en: "--seconds must be more than 0 and at most 86400, not \(seconds)",
                                                     nl: "--seconds moet meer dan 0 en hoogstens 86400 zijn, niet \(seconds)"))
            }
            if !(8_000...192_000).contains(rate) {
                throw ValidationError(Interface.text(en: "--rate must be between 8000 and 192000 Hz, not \(rate)",
                                                     nl: "--rate moet tussen 8000 en 192000 Hz liggen, niet \(rate)"))
            }
        }

        func run() throws {
            let interruption = Interruption()
            let capture: LiveCapture
            do throws(AudioError) {
                capture = try LiveCapture.start(device: options.device, sampleRate: rate)
            } catch {
                throw CommandFailure.device(error, role: .capture, format: .mono(sampleRate: rate))
            }
            let writer: RecordingWriter
            do throws(AudioError) {
                writer = try RecordingWriter(path: file, sampleRate: rate, replacing: overwrite)
            } catch {
                capture.stop()
                if error.isExistingFile {
                    throw CommandFailure(Phrase(en: "'\(file)' already exists: choose another name, or pass --overwrite to replace it",
                                                nl: "'\(file)' bestaat al: kies een andere naam, of geef --overwrite om het te vervangen"))
                }
                throw CommandFailure(Phrase(
                    en: "cannot create '\(file)': \(error.message) (\(error.function)): choose a path in an existing, writable directory",
                    nl: "kan '\(file)' niet aanmaken: \(error.message) (\(error.function)): kies een pad in een bestaande map waarin je mag schrijven"))
            }
            var take = Take(limit: seconds.map { Int(($0 * Double(rate)).rounded()) })
            let failure = take.run(capture, into: writer, stop: interruption.flag)
            var closeFailure: AudioError?
            do throws(AudioError) { try writer.close() } catch { closeFailure = error }
            print(take.summary(file: file, writer: writer))
            if let failure { throw failure }
            if let closeFailure {
                throw CommandFailure(Phrase(
                    en: "finishing '\(file)' failed: \(closeFailure.message) (\(closeFailure.function)); the file may be cut short",
                    nl: "afronden van '\(file)' mislukt: \(closeFailure.message) (\(closeFailure.function)); het bestand is misschien afgekapt"))
            }
        }
    }
}

/// One recording in progress: moves captured blocks into the writer, keeps the
/// meter and the numbers for the summary.
private struct Take {
    let limit: Int?
    var peak: Float = 0
    var gaps: [CaptureGap] = []
    var meter = LevelMeter()

    init(limit: Int?) { self.limit = limit }

    /// Records until the limit, Ctrl-C, the device's end or a write error;
    /// returns the failure to report, nil when the recording ended normally.
    mutating func run(_ capture: LiveCapture, into writer: RecordingWriter, stop: StopFlag) -> CommandFailure? {
        var buffer = [Float](repeating: 0, count: capture.blockFrames)
        defer { meter.finish() }
        while true {
            if stop.isRaised { capture.stop() }
            let event = buffer.withUnsafeMutableBufferPointer { capture.next(into: $0) }
            switch event {
            case .samples(let count, _)?:
                let wanted = limit.map { min(count, $0 - writer.framesWritten) } ?? count
                let written = buffer.withUnsafeBufferPointer { all -> Result<Float, AudioError> in
                    let block = UnsafeBufferPointer(rebasing: all[0..<wanted])
                    do throws(AudioError) { try writer.write(block) } catch { return .failure(error) }
                    return .success(PeakLevel.peak(block))
                }
                let blockPeak: Float
                switch written {
                case .success(let value): blockPeak = value
                case .failure(let error):
                    capture.stop()
                    return CommandFailure(Phrase(
                        en: "writing '\(error.subject)' failed: \(error.message) (\(error.function)): free space or choose another disk; the first \(Interface.seconds(writer.seconds)) are saved",
                        nl: "schrijven naar '\(error.subject)' mislukt: \(error.message) (\(error.function)): maak ruimte vrij of kies een andere schijf; de eerste \(Interface.seconds(writer.seconds)) zijn bewaard"))
                }
                peak = max(peak, blockPeak)
                meter.update(peak: blockPeak, seconds: writer.seconds)
                if let limit, writer.framesWritten >= limit { return nil }
            case .gap(let gap)?:
                gaps.append(gap)
                meter.note(Interface.text(
                    en: "\(gap.kind.rawValue) at \(Interface.seconds(gap.seconds)) of audio (\(Interface.seconds(gap.wallClockSeconds)) wall clock): audio is missing there",
                    nl: "\(gap.kind.rawValue) bij \(Interface.seconds(gap.seconds)) in de opname (\(Interface.seconds(gap.wallClockSeconds)) kloktijd): daar ontbreekt geluid"))
            case .ended(let error)?:
                guard let error else { return nil }
                let failure = CommandFailure.device(error, role: .capture, format: .mono(sampleRate: writer.sampleRate))
                return CommandFailure(Phrase(en: "\(failure.description); the first \(Interface.seconds(writer.seconds)) are saved in '\(writer.path)'",
                                             nl: "\(failure.description); de eerste \(Interface.seconds(writer.seconds)) zijn bewaard in '\(writer.path)'"))
            case nil:
                continue
            }
        }
    }

    /// "Recorded 3.00 s to take.wav: peak -6.0 dBFS, 0 overruns." (in the interface language).
    func summary(file: String, writer: RecordingWriter) -> String {
        let overruns = gaps.filter { $0.kind == .overrun }.count
        let level = PeakLevel.dBFS(peak)
        let peakText = level.isFinite ? NumberFormat.decimal(Double(level), digits: 1, Interface.language) + " dBFS" : "-inf dBFS"
        let seconds = Interface.seconds(writer.seconds)
        var line = Interface.text(en: "Recorded \(seconds) to \(file): peak \(peakText), ",
                                  nl: "\(seconds) opgenomen in \(file): piek \(peakText), ")
        line += Interface.text(en: overruns == 1 ? "1 overrun" : "\(overruns) overruns", nl: "\(overruns) keer overloop")
        let others = gaps.filter { $0.kind != .overrun }
        for kind in Set(others.map(\.kind)).sorted(by: { $0.rawValue < $1.rawValue }) {
            let n = others.filter { $0.kind == kind }.count
            line += ", \(n) \(kind.rawValue)"
        }
        if !gaps.isEmpty {
            let points = gaps.map { Interface.seconds($0.seconds) }.joined(separator: ", ")
            line += Interface.text(en: "; audio missing at \(points): timing across these points is unreliable",
                                   nl: "; geluid ontbreekt bij \(points): de timing over die punten heen is onbetrouwbaar")
        }
        return line + "."
    }
}
