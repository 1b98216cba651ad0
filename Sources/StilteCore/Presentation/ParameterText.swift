import StilteAnalysis

/// What each front end calls the analysis parameters: command options, scenario file fields.
public struct ParameterNames: Sendable {
    public var target: String
    public var tolerance: String
    public var minPause: String

    public init(target: String, tolerance: String, minPause: String) {
        self.target = target
        self.tolerance = tolerance
        self.minPause = minPause
    }

    /// The command line's options.
    public static let options = ParameterNames(target: "--target", tolerance: "--tolerance", minPause: "--min-pause")
    /// The fields of scenario files, takes and bundles.
    public static let fields = ParameterNames(target: "target", tolerance: "tolerance", minPause: "minPause")
}

/// The sentences of ``ParameterProblem``s, in English and Dutch: the value, the bound it broke
/// and what to do.
public enum ParameterText {
    /// `problem` in a sentence naming the value as `names` call it.
    public static func phrase(_ problem: ParameterProblem, names: ParameterNames = .options) -> Phrase {
        let longest = plain(AnalysisParameters.longestTarget)
        switch problem {
        case .target(let value):
            return Phrase(en: "pause target \(plain(value).en) s (\(names.target)) is not above 0 and at most \(longest.en) s — give seconds such as 4.0",
                          nl: "pauzedoel \(plain(value).nl) s (\(names.target)) ligt niet boven 0 en op hoogstens \(longest.nl) s — geef seconden zoals 4,0")
        case .tolerance(let value, let target):
            return Phrase(en: "\(names.tolerance) \(plain(value).en) s must be at least 0 and smaller than the target (\(plain(target).en) s)",
                          nl: "\(names.tolerance) \(plain(value).nl) s moet minstens 0 zijn en kleiner dan het doel (\(plain(target).nl) s)")
        case .minPause(let value, let shortest):
            return Phrase(en: "\(names.minPause) \(plain(value).en) s must be above 0 and shorter than the shortest pause on target (\(plain(shortest).en) s) — lower \(names.minPause) or raise the target",
                          nl: "\(names.minPause) \(plain(value).nl) s moet boven 0 liggen en korter zijn dan de kortste pauze op doel (\(plain(shortest).nl) s) — verlaag \(names.minPause) of verhoog het doel")
        case .longestRefusal(let value):
            return Phrase(en: "the longest refusal \(plain(value).en) s must be a positive number of seconds",
                          nl: "de langste weigering \(plain(value).nl) s moet een positief aantal seconden zijn")
        }
    }

    /// A number as written in a file or an option ("0.5", "30.0"); Dutch with a comma.
    private static func plain(_ value: Double) -> Phrase {
        let text = "\(value)"
        return Phrase(en: text, nl: text.replacingOccurrences(of: ".", with: ","))
    }
}
