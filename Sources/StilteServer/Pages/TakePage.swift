import StilteAnalysis
import StilteCore

/// `/takes/ID`: one take to listen to, look at and review.
enum TakePage {
    static func render(_ detail: TakeDetail, waveform: Waveform?, reviewer: String, csrf: String, language t: Language, path: String) -> String {
        let take = detail.take
        let id = take.id ?? 0
        let duration = max(take.duration ?? waveform?.duration ?? 0, 0.001)
        // Where the handles start: the pause that counts, else just after the refusal.
        let editing = take.pause ?? TimeSpan(start: min(detail.take.analysis?.refusal?.end ?? duration * 0.3, duration),
                                             end: min((detail.take.analysis?.refusal?.end ?? duration * 0.3) + 1, duration))
        var body = "<nav class=\"take-nav\"><a href=\"/trainees/\(take.traineeId)\">← \(HTML.escape(t[.backToTakes])) \(HTML.escape(detail.trainee))</a>"
        body += neighbour(detail.unreviewed.previous, "previous-unreviewed", "← " + t[.previousUnreviewed], t)
        body += neighbour(detail.unreviewed.next, "next-unreviewed", t[.nextUnreviewed] + " →", t)
        body += "</nav>\n"
        body += "<h1>\(HTML.escape(t[.takeTitle])) \(id) · \(HTML.escape(detail.trainee)) · \(HTML.escape(take.scenarioId)) · \(t.time(take.createdAt)) UTC</h1>\n"
        body += scenario(detail, t)
        body += """
        <section id="take" class="take" data-take="\(id)" data-duration="\(duration)" data-pause-start="\(editing.start)" \
        data-pause-end="\(editing.end)" data-save="/api/takes/\(id)/reviews" data-text-saved="\(HTML.escape(t[.saved]))" \
        data-text-failed="\(HTML.escape(t[.saveFailed]))">

        """
        body += WaveformSVG.render(detail, waveform: waveform, duration: duration, editing: editing, language: t)
        if detail.recordingPresent {
            body += "<audio id=\"player\" controls preload=\"auto\" src=\"/api/takes/\(id)/audio\"></audio>\n"
        } else {
            body += "<p class=\"warn\">\(HTML.escape(t[.recordingMissing]))</p>\n"
        }
        body += "<p class=\"shortcuts\">\(HTML.escape(t[.shortcuts]))</p>\n"
        body += numbers(detail, t)
        body += form(editing: editing, duration: duration, reviewer: reviewer, t)
        body += "</section>\n"
        body += reviews(detail.reviews, t)
        return HTML.page(title: "\(t[.takeTitle]) \(id)", language: t, csrf: csrf, script: true, path: path, body: body)
    }

    private static func neighbour(_ id: Int64?, _ htmlId: String, _ text: String, _ t: Language) -> String {
        guard let id else { return " <span class=\"muted\" id=\"\(htmlId)\">\(HTML.escape(text)): \(HTML.escape(t[.noMoreUnreviewed]))</span>" }
        return " <a id=\"\(htmlId)\" href=\"/takes/\(id)\">\(HTML.escape(text))</a>"
    }

    private static func scenario(_ detail: TakeDetail, _ t: Language) -> String {
        guard let lines = detail.scenario else { return "<p class=\"muted\">\(HTML.escape(t[.noScenario]))</p>\n" }
        var html = "<section class=\"scenario\"><h2>\(HTML.escape(lines.title))</h2>\n"
        if let prompt = lines.prompt {
            html += "<p class=\"client\"><strong>\(HTML.escape(t[.clientLine])) (\(HTML.escape(lines.client))):</strong> \(HTML.escape(prompt))</p>\n"
        }
        if let example = lines.example {
            html += "<p class=\"example\"><strong>\(HTML.escape(t[.exampleAnswer])):</strong> \(HTML.escape(example))</p>\n"
        }
        return html + "</section>\n"
    }

    private static func span(_ span: TimeSpan?, _ t: Language) -> String {
        guard let span else { return HTML.escape(t[.noPauseDetected]) }
        return "\(t.seconds(span.start)) – \(t.seconds(span.end)) = <strong>\(t.seconds(span.duration))</strong>"
    }

    private static func numbers(_ detail: TakeDetail, _ t: Language) -> String {
        let take = detail.take
        return """
        <table class="numbers">
        <tr class="detected"><th>\(HTML.escape(t[.detectedPause]))</th><td id="detected-pause">\(span(detail.detectedPause, t))</td></tr>
        <tr class="trainer"><th>\(HTML.escape(t[.trainerPause]))</th><td id="trainer-pause">\(detail.correctedPause == nil ? "–" : span(detail.correctedPause, t))</td></tr>
        <tr><th>\(HTML.escape(t[.effectivePause]))</th><td id="effective-pause">\(t.seconds(take.pauseDuration)) · <span class="verdict \(take.verdict?.rawValue ?? "none")">\(HTML.escape(t.verdict(take.verdict)))</span></td></tr>
        <tr><th>\(HTML.escape(t[.targetLabel]))</th><td>\(t.seconds(take.targetSeconds)) ± \(t.seconds(take.targetTolerance))</td></tr>
        </table>

        """
    }

    private static func form(editing: TimeSpan, duration: Double, reviewer: String, _ t: Language) -> String {
        var html = "<form id=\"review\" class=\"review\">\n<h2>\(HTML.escape(t[.reviewTitle]))</h2>\n"
        html += "<p class=\"muted\">\(HTML.escape(t[.reviewer])): \(HTML.escape(reviewer))</p>\n"
        html += "<label>\(HTML.escape(t[.pauseStart])) <input id=\"pause-start\" name=\"pauseStart\" type=\"number\" step=\"0.01\" min=\"0\" max=\"\(duration)\" value=\"\(String(format: "%.2f", editing.start))\"></label>\n"
        html += "<label>\(HTML.escape(t[.pauseEnd])) <input id=\"pause-end\" name=\"pauseEnd\" type=\"number\" step=\"0.01\" min=\"0\" max=\"\(duration)\" value=\"\(String(format: "%.2f", editing.end))\"></label>\n"
        html += "<fieldset class=\"rating\"><legend>\(HTML.escape(t[.rating]))</legend>"
        html += "<label><input type=\"radio\" name=\"rating\" value=\"\" checked> \(HTML.escape(t[.ratingNone]))</label>"
        for value in 1...5 { html += "<label><input type=\"radio\" name=\"rating\" value=\"\(value)\"> \(value)</label>" }
        html += "</fieldset>\n"
        html += "<label class=\"comment\">\(HTML.escape(t[.comment]))<textarea id=\"comment\" name=\"comment\" maxlength=\"\(ServerLimits.maxCommentCharacters)\" rows=\"3\"></textarea></label>\n"
        html += "<button type=\"submit\" id=\"save\">\(HTML.escape(t[.save]))</button> <output id=\"status\"></output>\n</form>\n"
        return html
    }

    private static func reviews(_ reviews: [Review], _ t: Language) -> String {
        var html = "<section class=\"reviews\"><h2>\(HTML.escape(t[.reviewsSoFar]))</h2>\n"
        guard !reviews.isEmpty else { return html + "<p>\(HTML.escape(t[.reviewsNone]))</p></section>\n" }
        html += "<ul id=\"reviews\">\n"
        for review in reviews.reversed() {
            var parts: [String] = []
            if let rating = review.rating { parts.append("\(HTML.escape(t[.rating])) \(rating)/5") }
            if let pause = review.correctedPause { parts.append("\(HTML.escape(t[.colPause])) \(t.seconds(pause.start)) – \(t.seconds(pause.end))") }
            if let comment = review.comment { parts.append("“\(HTML.escape(comment))”") }
            html += "<li><span class=\"muted\">\(t.time(review.createdAt)) · \(HTML.escape(review.reviewer))</span> \(parts.joined(separator: " · "))</li>\n"
        }
        return html + "</ul></section>\n"
    }
}
