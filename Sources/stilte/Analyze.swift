import ArgumentParser
import Foundation
import StiltePractice
import StilteAnalysis
import StilteCore

extension Stilte {
    /// `stilte analyze`: measure the pause after the refusal in sound files.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Measure the pause after the refusal in recorded answers.", nl: "Meet de pauze na de weigering in opgenomen antwoorden."),
            discussion: Interface.text(en: """
            For each FILE (any format libsndfile reads, any rate, mono or stereo) finds the \
            speech, the refusal (first speech up to the first silence of at least --min-pause), \
            the pause after it and the verdict against --target ± --tolerance.

            --textgrid and --labels: OUT is the file to write, or, as with `cp`, an existing \
            directory where each FILE gets OUT/<name>.TextGrid or OUT/<name>.txt (name = \
            FILE's name without its extension). With several FILEs, OUT must be a directory.

            A file that cannot be analysed gets one line on standard error; the others are \
            still analysed, and the exit status is 1.
            """, nl: "Zoekt in elk FILE (elk formaat dat libsndfile leest, elke samplefrequentie, mono of stereo) de spraak, de weigering (de eerste spraak tot de eerste stilte van minstens --min-pause), de pauze daarna en het oordeel tegen --target ± --tolerance.\n\n--textgrid en --labels: OUT is het bestand om te schrijven, of, zoals bij `cp`, een bestaande map waarin elk FILE OUT/<naam>.TextGrid of OUT/<naam>.txt krijgt (naam = de naam van FILE zonder extensie). Bij meerdere FILEs moet OUT een map zijn.\n\nEen bestand dat niet gemeten kan worden, krijgt één regel op standaardfout; de andere worden toch gemeten, en de afsluitcode is 1.")
        )

        @Argument(help: .text(en: "Sound files to analyse.", nl: "Geluidsbestanden om te meten."))
        var files: [String]

        @Flag(help: .text(en: "Write JSON: one object per file (an array for several files).", nl: "Schrijf JSON: één object per bestand (een lijst bij meerdere bestanden)."))
        var json = false

        @Option(help: .text(en: "Target pause in seconds.", nl: "Doelpauze in seconden."))
        var target: Double = AnalysisParameters.defaultTarget

        @Option(help: .text(en: "Tolerance around the target in seconds.", nl: "Marge rond het doel in seconden."))
        var tolerance: Double = AnalysisParameters.defaultTolerance

        @Option(name: .customLong("min-pause"), help: .text(en: "Shortest silence in seconds that ends the refusal.", nl: "Kortste stilte in seconden die de weigering afsluit."))
        var minPause: Double = AnalysisParameters.defaultMinPause

        @Option(help: ArgumentHelp(Interface.text(en: "Write a Praat TextGrid (tiers speech, answer).", nl: "Schrijf een Praat-TextGrid (lagen speech, answer)."), valueName: "OUT"))
        var textgrid: String?

        @Option(help: ArgumentHelp(Interface.text(en: "Write an Audacity label track.", nl: "Schrijf een Audacity-labelspoor."), valueName: "OUT"))
        var labels: String?

        func validate() throws {
            do { _ = try parameters.validated() } catch {
                throw ValidationError(ParameterText.phrase(error).text(Interface.language))
            }
            if files.count > 1 {
                for (flag, out) in [("--textgrid", textgrid), ("--labels", labels)] {
                    guard let out else { continue }
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue else {
                        throw ValidationError("\(flag) \(out): with several files, OUT must be an existing directory")
                    }
                }
            }
        }

        /// The options as analysis parameters.
        var parameters: AnalysisParameters {
            AnalysisParameters(target: PauseTarget(seconds: target, tolerance: tolerance), minPause: minPause)
        }

        func run() throws {
            var reports: [AnalysisReport] = []
            var failed = false
            for file in files {
                do {
                    let result = try FileAnalysis.run(path: file, parameters: parameters)
                    try writeExports(result)
                    if json {
                        reports.append(AnalysisReport(result))
                    } else {
                        print(Self.human(result, language: Interface.language))
                    }
                } catch {
                    failed = true
                    FileHandle.standardError.write(Data("stilte analyze: \(error)\n".utf8))
                }
            }
            if json {
                let encoder = JSONOutput.encoder(pretty: false)
                let data = files.count == 1 ? try reports.first.map { try encoder.encode($0) } : try encoder.encode(reports)
                if let data { print(String(decoding: data, as: UTF8.self)) }
            }
            if failed { throw ExitCode.failure }
        }

        private func writeExports(_ result: FileAnalysis) throws(FileAnalysisError) {
            if let textgrid {
                try write(TextGrid.render(result.analysis), to: outputPath(textgrid, for: result.path, ext: "TextGrid"), for: result.path)
            }
            if let labels {
                try write(AudacityLabels.render(result.analysis), to: outputPath(labels, for: result.path, ext: "txt"), for: result.path)
            }
        }

        /// `out`, or `out/<name>.ext` when `out` is a directory (as `cp` does).
        private func outputPath(_ out: String, for file: String, ext: String) -> String {
            var isDirectory: ObjCBool = false
            guard files.count > 1 || (FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) && isDirectory.boolValue) else {
                return out
            }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            return URL(fileURLWithPath: out).appendingPathComponent("\(name).\(ext)").path
        }

        private func write(_ text: String, to path: String, for file: String) throws(FileAnalysisError) {
            do {
                // 0600 whatever the umask, and never written through a symbolic link: a take is personal data.
                try PrivateFiles.write(Data(text.utf8), to: URL(fileURLWithPath: path))
            } catch {
                throw FileAnalysisError(path: path, message: (error as? StoreError).map { $0.phrase?.text(Interface.language) ?? $0.message } ?? "\(error)")
            }
        }

        /// The screen for one file, in `language`: the timeline, the refusal, the pause, the verdict.
        static func human(_ result: FileAnalysis, language: Language) -> String {
            let a = result.analysis
            func seconds(_ value: Double) -> String { NumberFormat.decimal(value, language) }
            /// A label padded to the column the values start in.
            func label(_ phrase: Phrase) -> String {
                let text = phrase.text(language)
                return text + String(repeating: " ", count: max(1, 10 - text.count))
            }
            let layout = result.channels == 1 ? Phrase.same("mono") : result.channels == 2 ? Phrase.same("stereo")
                : Phrase(en: "\(result.channels) channels", nl: "\(result.channels) kanalen")
            let facts = "  \(result.sampleRate) Hz \(layout.text(language))  \(NumberFormat.seconds(a.duration, language))"
            var name = result.path
            if name.count + facts.count > 80 { name = "…" + name.suffix(max(8, 79 - facts.count)) }
            var lines = [name + facts]
            lines.append(TimelineText.render(a, width: 78, legend: AnalysisText.legend(language)))
            if let refusal = a.refusal {
                lines.append(label(Phrase(en: "refusal", nl: "weigering")) + NumberFormat.span(refusal.start, refusal.end, language))
            }
            let pauseLabel = label(Phrase(en: "pause", nl: "pauze"))
            if let pause = a.pause {
                lines.append(pauseLabel + NumberFormat.span(pause.start, pause.end, language) + " = " + NumberFormat.seconds(pause.duration, language))
                let sounds = pause.events.map { "\($0.kind.rawValue) \(seconds($0.start))" }
                if !sounds.isEmpty {
                    lines.append(label(Phrase(en: "in pause", nl: "in pauze")) + sounds.prefix(5).joined(separator: ", ") + (sounds.count > 5 ? ", …" : ""))
                }
            } else {
                lines.append(pauseLabel + Phrase(en: "none", nl: "geen").text(language))
            }
            lines.append(label(Phrase(en: "verdict", nl: "oordeel")) + AnalysisText.measured(a, language))
            lines.append(String(repeating: " ", count: 10) + AnalysisText.advice(a, language))
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

/// The JSON written per file by `stilte analyze --json`: the file's facts and the analysis
/// keys (``AnalysisJSON``), times rounded to milliseconds.
struct AnalysisReport: Encodable {
    var result: FileAnalysis

    init(_ result: FileAnalysis) { self.result = result }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(result.path, forKey: JSONKey("file"))
        try c.encode(result.sampleRate, forKey: JSONKey("sampleRate"))
        try c.encode(result.channels, forKey: JSONKey("channels"))
        try AnalysisJSON.encode(result.analysis, into: &c)
    }
}
