import Foundation
import StilteAnalysis
import StilteCore

extension Language {
    /// The language of a page: `?lang=` (kept in a cookie), else the `stilte_lang` cookie,
    /// else the first language of the browser's `Accept-Language` Stilte speaks, else English.
    static func choose(query: String?, cookie: String?, acceptLanguage: String?) -> Language {
        if let query, let language = Language(rawValue: query) { return language }
        if let cookie, let language = Language(rawValue: cookie) { return language }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let language = LanguageChoice.parse(tag) { return language }
        }
        return .en
    }

    /// "3.42 s" / "3,42 s"; "–" without a value.
    func seconds(_ value: Double?) -> String { NumberFormat.seconds(value, self) }

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

    /// The name of a verdict, as every screen says it.
    func verdict(_ verdict: Verdict?) -> String { verdict?.name(self) ?? "–" }
}
