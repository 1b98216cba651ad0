import Foundation
import StilteAnalysis

/// One practice situation: a client who asks the trainee to do a job personally, in one or more
/// turns, each followed by the trainee's answer whose pause is measured.
///
/// Scenarios are written by trainers as YAML files in `Scenarios/` (see `Scenarios/README.md`)
/// and loaded, validated, by ``ScenarioLibrary``.
public struct Scenario: Sendable, Equatable, Codable {
    /// Unique across the library; equal to the file name without `.yaml`/`.yml`
    /// (for example `asks-for-you.nl`).
    public var id: String
    /// A short title for lists.
    public var title: String
    /// The language the client speaks and the trainee answers in.
    public var language: ScenarioLanguage
    /// The id of the same scenario in the other language, if there is one.
    public var pair: String?
    /// Who the client is; the synthetic prompts use `client.voice`.
    public var client: ScenarioClient
    /// The moment of the coaching method this scenario practises.
    public var moment: ScenarioMoment
    /// Shown to the trainee before the take: who the client is, what they want, what a good answer does.
    public var context: String
    /// The client's lines, in order; the trainee answers after each.
    public var turns: [ScenarioTurn]
    /// The coaching tip shown after a take when the turn has no tip of its own.
    public var tip: String?
    /// The file the scenario was loaded from.
    public var file: URL

    public init(id: String, title: String, language: ScenarioLanguage, pair: String?, client: ScenarioClient,
                moment: ScenarioMoment, context: String, turns: [ScenarioTurn], tip: String?, file: URL) {
        self.id = id
        self.title = title
        self.language = language
        self.pair = pair
        self.client = client
        self.moment = moment
        self.context = context
        self.turns = turns
        self.tip = tip
        self.file = file
    }

    /// The tip to show after a take of `turn`: the turn's own tip, else the scenario's.
    public func tip(forTurn index: Int) -> String? {
        guard turns.indices.contains(index) else { return tip }
        return turns[index].tip ?? tip
    }
}

/// A language a scenario can be written in.
public enum ScenarioLanguage: String, Sendable, Codable, CaseIterable {
    case nl
    case en
}

/// The client in a scenario.
public struct ScenarioClient: Sendable, Equatable, Codable {
    /// The client's name and role as the trainee sees it, e.g. "Ingrid Smit, HR director".
    public var name: String
    /// The espeak-ng voice variant `scripts/make-prompts` speaks this client's lines with
    /// (e.g. `f3`, `m2`); nil for the default voice.
    public var voice: String?

    public init(name: String, voice: String? = nil) {
        self.name = name
        self.voice = voice
    }
}

/// The moments of the coaching method a scenario can practise.
public enum ScenarioMoment: String, Sendable, Codable, CaseIterable {
    /// The client asks you to do the job yourself.
    case asksForYou = "asks-for-you"
    /// The client insists after your first "no".
    case clientInsists = "client-insists"
    /// The client asks for work you used to do and have moved on from.
    case oldSpecialty = "old-specialty"
    /// You decline and offer a colleague you fully trust.
    case trustedColleague = "trusted-colleague"
    /// You decline and offer a colleague who is available but whom you have not worked with.
    case unknownColleague = "unknown-colleague"
    /// You decline, know nobody yet, and offer to find someone.
    case findSomeone = "find-someone"
    /// You decline the work and offer a senior role alongside whoever does it.
    case seniorRole = "senior-role"
    /// The client fears that one consultant brings in ten.
    case oneBecomesTen = "one-becomes-ten"
    /// An unexpected request, e.g. at a networking event: you ask for time.
    case askForTime = "ask-for-time"
}

/// One client line and how the trainee's answer to it is measured.
public struct ScenarioTurn: Sendable, Equatable, Codable {
    /// What the client says (the text the synthetic prompt is spoken from).
    public var prompt: String
    /// The prompt recording, relative to the library's `Audio/` directory.
    public var audio: String
    /// The prompt recording's location, checked to lie inside `Audio/`.
    public var audioURL: URL
    /// The pause the answer is judged against (default ``AnalysisParameters/defaultTarget``).
    public var target: PauseTarget
    /// The shortest silence, in seconds, that ends the refusal (``AnalysisParameters/defaultMinPause``).
    public var minPause: Double
    /// An example of a good answer, shown after the take.
    public var example: String?
    /// The coaching tip for this turn; falls back to the scenario's tip.
    public var tip: String?
    /// Silence after the solution has begun that ends the take, seconds (default 2.5, see ``StopRule``).
    public var thinkingPause: Double
    /// Non-filler speech after the pause that shows the solution has begun, seconds (default 0.4).
    public var solutionSpeech: Double

    public init(prompt: String, audio: String, audioURL: URL, target: PauseTarget = PauseTarget(),
                minPause: Double = AnalysisParameters.defaultMinPause, example: String? = nil, tip: String? = nil,
                thinkingPause: Double = StopRule.defaultThinkingPause, solutionSpeech: Double = StopRule.defaultSolutionSpeech) {
        self.thinkingPause = thinkingPause
        self.solutionSpeech = solutionSpeech
        self.prompt = prompt
        self.audio = audio
        self.audioURL = audioURL
        self.target = target
        self.minPause = minPause
        self.example = example
        self.tip = tip
    }

    /// The analysis parameters for the answer to this turn.
    public var parameters: AnalysisParameters {
        AnalysisParameters(target: target, minPause: minPause)
    }

    /// When a take of this turn stops by itself, for takes of at most `maxSeconds`.
    public func stopRule(maxSeconds: Double) -> StopRule {
        StopRule(thinkingPause: thinkingPause, solutionSpeech: solutionSpeech, maxSeconds: maxSeconds, target: target)
    }
}
