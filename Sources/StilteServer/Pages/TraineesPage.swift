import StilteAnalysis
import StilteCore

/// `/`: every trainee with takes, share on target, median pause, trend and last practice.
enum TraineesPage {
    static func render(_ trainees: [TraineeOverview], language t: Language, path: String) -> String {
        var body = "<h1>\(HTML.escape(t[.traineesTitle]))</h1>\n"
        if trainees.isEmpty {
            body += "<p>\(HTML.escape(t[.traineesEmpty]))</p>\n"
        } else {
            body += "<table class=\"trainees\">\n<thead><tr>"
            for column in [PageText.colTrainee, .colTakes, .colOnTarget, .colMedianPause, .colTrend, .colLastPractice, .colUnreviewed] {
                body += "<th>\(HTML.escape(t[column]))</th>"
            }
            body += "</tr></thead>\n<tbody>\n"
            for trainee in trainees {
                body += "<tr><td><a href=\"/trainees/\(trainee.traineeId)\">\(HTML.escape(trainee.name))</a></td>"
                body += "<td class=\"number\">\(trainee.takes)</td>"
                body += "<td class=\"number\">\(t.percent(trainee.onTargetShare))</td>"
                body += "<td class=\"number\">\(t.seconds(trainee.medianPause))</td>"
                body += "<td>\(SparklineSVG.render(trainee.recentPauses, target: trainee.target))</td>"
                body += "<td>\(t.time(trainee.lastPractice))</td>"
                body += "<td class=\"number\"><a href=\"/trainees/\(trainee.traineeId)?reviewed=no\">\(trainee.unreviewed)</a></td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        return HTML.page(title: t[.traineesTitle], language: t, path: path, body: body)
    }
}

/// A small SVG of recent pauses on the scale 0 s to twice the target, with the target band.
enum SparklineSVG {
    static let width = 120.0, height = 24.0

    static func render(_ pauses: [Double?], target: PauseTarget) -> String {
        let top = max(2 * target.seconds, 0.001)
        func y(_ seconds: Double) -> Double { height - min(max(seconds, 0), top) / top * height }
        let step = pauses.count > 1 ? width / Double(pauses.count - 1) : 0
        var points: [String] = []
        for (index, pause) in pauses.enumerated() {
            guard let pause else { continue }
            points.append("\(HTML.coordinate(Double(index) * step)),\(HTML.coordinate(y(pause)))")
        }
        let band = "<rect class=\"band\" x=\"0\" y=\"\(HTML.coordinate(y(target.upperBound)))\" width=\"\(Int(width))\" height=\"\(HTML.coordinate(y(target.lowerBound) - y(target.upperBound)))\"/>"
        let line = points.count > 1 ? "<polyline points=\"\(points.joined(separator: " "))\"/>" : ""
        let last = points.last.map { point -> String in
            let xy = point.split(separator: ",")
            return "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2\"/>"
        } ?? ""
        return "<svg class=\"sparkline\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\(band)\(line)\(last)</svg>"
    }
}
