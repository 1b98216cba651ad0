import StilteCore

/// `/progress`: the charts of `stilte progress --plot`, one panel per trainee × scenario
/// with its own target band.
enum ProgressPage {
    /// At most this many panels (trainee × scenario), and takes per panel.
    static let maxPanels = 24
    static let takesPerPanel = 500

    static func render(_ histories: [PauseHistory], trainee: String?, language t: Language, path: String) -> String {
        var body = "<h1>\(HTML.escape(t[.progressTitle]))\(trainee.map { " · " + HTML.escape($0) } ?? "")</h1>\n"
        if histories.isEmpty { body += "<p>\(HTML.escape(t[.progressEmpty]))</p>\n" }
        if histories.count > maxPanels { body += "<p class=\"muted\">\(HTML.escape(t[.progressMore]))</p>\n" }
        for history in histories.prefix(maxPanels) {
            body += "<figure class=\"panel\"><figcaption>\(HTML.escape(history.trainee)) · \(HTML.escape(history.scenarioId))</figcaption>\n"
            body += panel(history, language: t)
            body += "</figure>\n"
        }
        return HTML.page(title: t[.progressTitle], language: t, path: path, body: body)
    }

    /// One trainee × scenario as `progress --plot` draws it.
    static func panel(_ history: PauseHistory, language: Language) -> String {
        let panel = ProgressPlot.Panel(label: "\(history.trainee) · \(history.scenarioId)", target: history.target, points: history.points)
        return ProgressPlot.svg([panel], language: language)
    }
}
