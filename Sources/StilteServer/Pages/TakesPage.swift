import Foundation
import StilteAnalysis
import StilteCore

/// `/trainees/ID`: a trainee's takes, newest first, filtered by scenario, verdict and
/// reviewed or not, with the start of the unreviewed queue.
enum TakesPage {
    static func render(trainee: Trainee, query: TakeListQuery, total: Int, takes: [TakeSummary], scenarioIds: [String],
                       language t: Language, path: String) -> String {
        let id = trainee.id ?? 0
        var body = "<h1>\(HTML.escape(t[.takesTitle])) \(HTML.escape(trainee.name))</h1>\n"
        body += "<p><a class=\"button\" id=\"start-queue\" href=\"/trainees/\(id)/queue\">\(HTML.escape(t[.startQueue]))</a></p>\n"
        body += "<form class=\"filters\" method=\"get\" action=\"/trainees/\(id)\">\n"
        body += select("scenario", t[.filterScenario], [("", t[.filterAll])] + scenarioIds.map { ($0, $0) }, query.scenarioId ?? "")
        body += select("verdict", t[.filterVerdict], [("", t[.filterAll])] + Verdict.allCases.map { ($0.rawValue, t.verdict($0)) },
                       query.verdict?.rawValue ?? "")
        body += select("reviewed", t[.filterReviewed], [("", t[.filterAll]), ("yes", t[.filterReviewedYes]), ("no", t[.filterReviewedNo])],
                       query.reviewed.map { $0 ? "yes" : "no" } ?? "")
        body += "<button type=\"submit\">\(HTML.escape(t[.filterApply]))</button>\n</form>\n"
        guard !takes.isEmpty else {
            let empty = query.reviewed == false && query.scenarioId == nil && query.verdict == nil ? t[.queueEmpty] : t[.takesEmpty]
            return HTML.page(title: trainee.name, language: t, path: path, body: body + "<p>\(HTML.escape(empty))</p>\n")
        }
        body += "<p class=\"count\">\(query.offset + 1)–\(query.offset + takes.count) / \(total) \(HTML.escape(t[.takesShown]))</p>\n"
        body += "<table class=\"takes\">\n<thead><tr>"
        for column in [PageText.colWhen, .colScenario, .colPause, .colVerdict, .colReviews] { body += "<th>\(HTML.escape(t[column]))</th>" }
        body += "</tr></thead>\n<tbody>\n"
        for take in takes {
            var pause = t.seconds(take.pauseDuration)
            if take.corrected { pause += " <span class=\"tag\">\(HTML.escape(t[.colCorrected]))</span>" }
            if take.unreliable { pause += " <span class=\"tag warn\">\(HTML.escape(t[.unreliable]))</span>" }
            body += "<tr class=\"\(take.reviews == 0 ? "unreviewed" : "reviewed")\"><td><a href=\"/takes/\(take.id)\">\(t.time(take.createdAt))</a></td>"
            body += "<td>\(HTML.escape(take.scenarioId))\(take.turn > 1 ? " · \(take.turn)" : "")</td><td class=\"number\">\(pause)</td>"
            body += "<td class=\"verdict \(take.verdict?.rawValue ?? "none")\">\(HTML.escape(t.verdict(take.verdict)))</td>"
            body += "<td class=\"number\">\(take.reviews)</td></tr>\n"
        }
        body += "</tbody></table>\n<p class=\"pages\">"
        if query.offset > 0 { body += "<a href=\"\(HTML.escape(link(id, query, offset: max(0, query.offset - query.limit))))\">← \(HTML.escape(t[.pageNewer]))</a> " }
        if query.offset + takes.count < total { body += "<a href=\"\(HTML.escape(link(id, query, offset: query.offset + query.limit)))\">\(HTML.escape(t[.pageOlder])) →</a>" }
        body += "</p>\n"
        return HTML.page(title: trainee.name, language: t, path: path, body: body)
    }

    private static func select(_ name: String, _ label: String, _ options: [(value: String, text: String)], _ chosen: String) -> String {
        var html = "<label>\(HTML.escape(label)) <select name=\"\(name)\">"
        for option in options {
            html += "<option value=\"\(HTML.escape(option.value))\"\(option.value == chosen ? " selected" : "")>\(HTML.escape(option.text))</option>"
        }
        return html + "</select></label>\n"
    }

    /// The same list at another offset.
    private static func link(_ id: Int64, _ query: TakeListQuery, offset: Int) -> String {
        var parts = ["offset=\(offset)"]
        if let scenario = query.scenarioId { parts.append("scenario=\(URLQuery.encode(scenario))") }
        if let verdict = query.verdict { parts.append("verdict=\(verdict.rawValue)") }
        if let reviewed = query.reviewed { parts.append("reviewed=\(reviewed ? "yes" : "no")") }
        return "/trainees/\(id)?" + parts.joined(separator: "&")
    }
}

/// Percent-encoding of query values.
enum URLQuery {
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
