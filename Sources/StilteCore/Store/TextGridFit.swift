import StilteAnalysis

/// Whether a TextGrid a trainer corrected belongs to the take it is imported into: a grid made
/// for another take would move the pause to where that take had it and flip the verdict
/// silently (a 14.56 s grid once went into a 10.45 s take).
public enum TextGridFit {
    /// How far a grid's end (`xmax`) may lie from its take's length, in seconds. `review export`
    /// writes the length to the microsecond and Praat keeps it, so a grid of this take is off by
    /// rounding only; 50 ms also lets through a grid made on a re-encoded copy (an MP3 or Ogg
    /// decoder adds up to about 50 ms of padding), while another take is off by whole seconds.
    public static let lengthTolerance = 0.05

    /// Why the grid covering `grid` is not one of take `takeId` (`takeLength` seconds long),
    /// nil when it fits or the take's length is unknown.
    public static func problem(grid: TimeSpan, takeId: Int64, takeLength: Double?) -> Phrase? {
        guard let takeLength, abs(grid.end - takeLength) > lengthTolerance else { return nil }
        func say(_ language: Language) -> (grid: String, take: String) {
            (NumberFormat.seconds(grid.end, language), NumberFormat.seconds(takeLength, language))
        }
        let en = say(.en), nl = say(.nl)
        return Phrase(
            en: "the TextGrid is \(en.grid) long and take \(takeId) is \(en.take); it was made for another recording — nothing was changed; export this take's grid with `stilte review export \(takeId) --textgrid FILE` and correct that one",
            nl: "het TextGrid is \(nl.grid) lang en opname \(takeId) is \(nl.take); het hoort bij een andere opname — er is niets veranderd; exporteer het TextGrid van deze opname met `stilte review export \(takeId) --textgrid BESTAND` en corrigeer dat")
    }
}
