import Foundation
import StilteAnalysis

/// The language a page is rendered in: `?lang=` (kept in a cookie), else the
/// browser's `Accept-Language`, else English.
public enum PageLanguage: String, Sendable, CaseIterable {
    case en, nl

    /// The first of `?lang=`, the `stilte_lang` cookie and `Accept-Language` that names a known language.
    static func choose(query: String?, cookie: String?, acceptLanguage: String?) -> PageLanguage {
        if let query, let language = PageLanguage(rawValue: query) { return language }
        if let cookie, let language = PageLanguage(rawValue: cookie) { return language }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if let language = PageLanguage(rawValue: String(tag.prefix(2))) { return language }
        }
        return .en
    }

    /// "3.42 s" / "3,42 s"; "–" without a value.
    func seconds(_ value: Double?) -> String {
        guard let value else { return "–" }
        let text = String(format: "%.2f s", value)
        return self == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share 0…1 as "62 %".
    func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return "\(Int((share * 100).rounded())) %"
    }

    /// "2026-12-03 10:31" (UTC).
    func time(_ date: Date?) -> String {
        guard let date else { return "–" }
        return Self.timestamp.string(from: date)
    }

    private static let timestamp: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter
    }()

    /// The word for a verdict.
    func verdict(_ verdict: Verdict?) -> String {
        switch verdict {
        case .short: self[.verdictShort]
        case .onTarget: self[.verdictOnTarget]
        case .long: self[.verdictLong]
        case .noPause: self[.verdictNoPause]
        case .noContinuation: self[.verdictNoContinuation]
        case .noSpeech: self[.verdictNoSpeech]
        case nil: "–"
        }
    }
}
