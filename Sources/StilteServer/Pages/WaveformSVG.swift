import StilteAnalysis
import StilteCore

/// The take page's waveform: refusal, pause and solution as coloured spans behind the
/// samples, the detector's pause dashed, the trainer's pause outlined, events on top,
/// the handles of the pause being edited and the play cursor. 1000 units wide = the
/// whole take.
enum WaveformSVG {
    static let width = 1000.0, height = 200.0
    /// A drag handle's width in the SVG's units (take.js draws it the same).
    static let handleWidth = 12.0

    static func render(_ detail: TakeDetail, waveform: Waveform?, duration: Double, editing: TimeSpan, language t: Language) -> String {
        func x(_ seconds: Double) -> String { HTML.coordinate(min(max(seconds / duration, 0), 1) * width) }
        func handle(_ seconds: Double) -> String { HTML.coordinate(min(max(seconds / duration, 0), 1) * width - handleWidth / 2) }
        func w(_ span: TimeSpan) -> String { HTML.coordinate(max(0, min(span.end, duration) - max(span.start, 0)) / duration * width) }
        var svg = "<svg id=\"wave\" class=\"wave\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(HTML.escape(t[.waveformLabel]))\">\n"
        for part in detail.parts {
            let span = TimeSpan(start: part.start, end: part.end)
            svg += "<rect class=\"part \(HTML.escape(part.label))\" x=\"\(x(span.start))\" y=\"0\" width=\"\(w(span))\" height=\"\(Int(height))\"><title>\(HTML.escape(label(part.label, t)))</title></rect>\n"
        }
        if let waveform, !waveform.high.isEmpty {
            let columns = Double(waveform.high.count)
            var path = ""
            path.reserveCapacity(waveform.high.count * 24)
            for index in waveform.high.indices {
                let column = (Double(index) + 0.5) / columns * width * min(waveform.duration / duration, 1)
                let top = height / 2 - Double(waveform.high[index]) * height * 0.48
                let bottom = height / 2 - Double(waveform.low[index]) * height * 0.48
                path += "M\(HTML.coordinate(column)) \(HTML.coordinate(top))V\(HTML.coordinate(max(bottom, top + 0.5)))"
            }
            svg += "<path class=\"samples\" d=\"\(path)\" vector-effect=\"non-scaling-stroke\"/>\n"
        }
        if let detected = detail.detectedPause {
            svg += "<rect id=\"detected\" class=\"detected\" x=\"\(x(detected.start))\" y=\"2\" width=\"\(w(detected))\" height=\"\(Int(height) - 4)\" vector-effect=\"non-scaling-stroke\"><title>\(HTML.escape(t[.detectedPause]))</title></rect>\n"
        }
        if let corrected = detail.correctedPause {
            svg += "<rect id=\"trainer\" class=\"trainer\" x=\"\(x(corrected.start))\" y=\"6\" width=\"\(w(corrected))\" height=\"\(Int(height) - 12)\" vector-effect=\"non-scaling-stroke\"><title>\(HTML.escape(t[.trainerPause]))</title></rect>\n"
        }
        for event in detail.events {
            let span = TimeSpan(start: event.start, end: event.end)
            svg += "<rect class=\"event \(event.kind.rawValue)\" x=\"\(x(span.start))\" y=\"0\" width=\"\(w(span))\" height=\"14\"><title>\(HTML.escape(eventLabel(event.kind, t)))</title></rect>\n"
        }
        svg += "<rect id=\"edit-pause\" class=\"edit\" x=\"\(x(editing.start))\" y=\"0\" width=\"\(w(editing))\" height=\"\(Int(height))\"/>\n"
        svg += "<rect id=\"handle-start\" class=\"handle\" x=\"\(handle(editing.start))\" y=\"0\" width=\"\(Int(handleWidth))\" height=\"\(Int(height))\"><title>\(HTML.escape(t[.pauseStart]))</title></rect>\n"
        svg += "<rect id=\"handle-end\" class=\"handle\" x=\"\(handle(editing.end))\" y=\"0\" width=\"\(Int(handleWidth))\" height=\"\(Int(height))\"><title>\(HTML.escape(t[.pauseEnd]))</title></rect>\n"
        svg += "<line id=\"cursor\" class=\"cursor\" x1=\"0\" x2=\"0\" y1=\"0\" y2=\"\(Int(height))\" vector-effect=\"non-scaling-stroke\"/>\n"
        svg += "</svg>\n"
        svg += "<p class=\"legend\"><span class=\"key refusal\"></span>\(HTML.escape(t[.partRefusal])) <span class=\"key pause\"></span>\(HTML.escape(t[.partPause])) "
        svg += "<span class=\"key solution\"></span>\(HTML.escape(t[.partSolution])) <span class=\"key detected\"></span>\(HTML.escape(t[.detectedPause])) "
        svg += "<span class=\"key trainer\"></span>\(HTML.escape(t[.trainerPause])) <span class=\"key event\"></span>\(HTML.escape([t[.eventBreath], t[.eventClick], t[.eventNoise], t[.eventFiller]].joined(separator: ", ")))"
        svg += " · <span id=\"cursor-time\" class=\"muted\">0.00 s</span></p>\n"
        return svg
    }

    private static func label(_ part: String, _ t: Language) -> String {
        switch part {
        case "refusal": t[.partRefusal]
        case "pause": t[.partPause]
        case "solution": t[.partSolution]
        default: part
        }
    }

    private static func eventLabel(_ kind: PauseEvent.Kind, _ t: Language) -> String {
        switch kind {
        case .breath: t[.eventBreath]
        case .click: t[.eventClick]
        case .noise: t[.eventNoise]
        case .filler: t[.eventFiller]
        }
    }
}
