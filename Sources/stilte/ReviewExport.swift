import ArgumentParser
import Foundation
import StilteAnalysis
import StilteCore

extension Stilte.ReviewCommand {
    /// `stilte review export TAKE [--textgrid OUT] [--labels OUT]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Write a take's timeline as a Praat TextGrid and/or Audacity labels (with the corrected pause, if any).", nl: "Schrijf de tijdlijn van een opname als Praat-TextGrid en/of Audacity-labels (met de gecorrigeerde pauze, als die er is)."),
            discussion: Interface.text(en: """
                Give --textgrid, --labels or both. OUT is the file to write, or an existing directory \
                where the file is named take-<id>.TextGrid / take-<id>.txt. Next to the TextGrid goes \
                a copy of the recording with the same name (take-<id>.wav), so Praat opens the pair; \
                --no-audio leaves it out. The TextGrid has the tiers speech, answer and events \
                (breath, click, filler in the pause). Files are written readable by you only (0600).
                """, nl: "Geef --textgrid, --labels of beide. OUT is het bestand om te schrijven, of een bestaande map waarin het bestand take-<id>.TextGrid / take-<id>.txt heet. Naast het TextGrid komt een kopie van de opname met dezelfde naam (take-<id>.wav), zodat Praat ze samen opent; --no-audio laat die weg. Het TextGrid heeft de lagen speech, answer en events (adem, klik, stopwoord in de pauze). Bestanden zijn alleen door jou leesbaar (0600)."))

        @Argument(help: TakeReference.help)
        var take: TakeReference

        @Option(help: ArgumentHelp(Interface.text(en: "Write a Praat TextGrid (tiers speech, answer, events).", nl: "Schrijf een Praat-TextGrid (lagen speech, answer, events)."), valueName: "OUT"))
        var textgrid: String?

        @Option(help: ArgumentHelp(Interface.text(en: "Write an Audacity label track.", nl: "Schrijf een Audacity-labelspoor."), valueName: "OUT"))
        var labels: String?

        @Flag(help: .text(en: "Do not copy the recording next to the TextGrid.", nl: "Zet geen kopie van de opname naast het TextGrid."))
        var noAudio = false

        func validate() throws {
            guard textgrid != nil || labels != nil else {
                throw ValidationError(Phrase(en: "give --textgrid OUT, --labels OUT or both",
                                                nl: "geef --textgrid UIT, --labels UIT of allebei").text(Interface.language))
            }
        }

        func run() throws {
            let log = try LogAccess.open(.readOnly)
            let take = try LogAccess.take(self.take, in: log)
            let id = take.id ?? 0
            guard let analysis = take.effectiveAnalysis else {
                throw CommandFailure(Phrase(en: "take \(id) has no analysis to export", nl: "opname \(id) heeft geen analyse om te exporteren"))
            }
            let recording = URL(fileURLWithPath: log.recordings.location(of: take.recordingPath))
            let present = (try? log.recordings.existingFile(take.recordingPath)) != nil
            if !present {
                FileHandle.standardError.write(Data(Phrase(
                    en: "warning: the recording of take \(id) is missing (\(recording.path)); the timeline is exported without it\n",
                    nl: "let op: de geluidsopname van opname \(id) ontbreekt (\(recording.path)); de tijdlijn wordt zonder geluid geëxporteerd\n").text(Interface.language).utf8))
            }
            var written: [String] = []
            if let textgrid {
                let grid = Self.destination(textgrid, take: id, ext: "TextGrid")
                try PrivateFiles.write(Data(TextGrid.render(analysis).utf8), to: grid)
                written.append(grid.path)
                if present && !noAudio {
                    let audio = grid.deletingPathExtension().appendingPathExtension(recording.pathExtension.isEmpty ? "wav" : recording.pathExtension)
                    if audio.standardizedFileURL != recording.standardizedFileURL {
                        try TakeBundle.copyPrivately(recording, to: audio)
                        written.append(audio.path)
                    }
                }
            }
            if let labels {
                let file = Self.destination(labels, take: id, ext: "txt")
                try PrivateFiles.write(Data(AudacityLabels.render(analysis).utf8), to: file)
                written.append(file.path)
            }
            for path in written { print(Phrase(en: "Wrote \(path).", nl: "\(path) geschreven.").text(Interface.language)) }
        }

        /// `out`, or `out/take-<id>.ext` when `out` is an existing directory (as `cp` does).
        static func destination(_ out: String, take id: Int64, ext: String) -> URL {
            var isDirectory: ObjCBool = false
            let url = URL(fileURLWithPath: out)
            guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue else { return url }
            return url.appendingPathComponent("take-\(id).\(ext)")
        }
    }
}
