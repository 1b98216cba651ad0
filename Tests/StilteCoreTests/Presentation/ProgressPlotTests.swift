import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import StilteAnalysis
@testable import StilteCore

@Suite struct ProgressPlotTests {
    func point(_ id: Int64, _ pause: Double?, _ verdict: Verdict?) -> ProgressPoint {
        ProgressPoint(takeId: id, createdAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(id) * 60), pauseDuration: pause, verdict: verdict)
    }

    /// The panels of `svg`: the text of each `<g class="panel" …>…</g>`.
    func panels(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g class=\"panel\"").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
    }

    /// The value of `attribute` in each `<tag …>` of `text`, in order.
    func values(_ attribute: String, of tag: String, in text: String) -> [String] {
        text.components(separatedBy: "<\(tag) ").dropFirst().compactMap { element in
            let open = element.components(separatedBy: ">")[0]
            guard let range = open.range(of: "\(attribute)=\"") else { return nil }
            return String(open[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test("one panel per trainee × scenario with its own band, points coloured by verdict, a rolling median, 'no takes yet'")
    func panelsBandsAndColours() throws {
        let anna = ProgressPlot.Panel(label: "anna · museum", target: PauseTarget(seconds: 4, tolerance: 0.5),
                                      points: [point(1, 2.0, .short), point(2, 4.1, .onTarget), point(3, nil, .noPause), point(4, 5.2, .long)])
        let bob = ProgressPlot.Panel(label: "bob · clinic", target: PauseTarget(seconds: 2, tolerance: 0.3), points: [point(5, 2.1, .onTarget)])
        let empty = ProgressPlot.Panel(label: "cas · museum", target: PauseTarget(), points: [point(6, nil, .noSpeech)])
        let svg = ProgressPlot.svg([anna, bob, empty], language: .en)
        #expect((try? XMLDocument(data: Data(svg.utf8))) != nil, "well-formed XML")
        let panels = panels(svg)
        #expect(panels.map { values("data-label", of: "g", in: "<g " + $0).first } == ["anna · museum", "bob · clinic", "cas · museum"])

        // Each band is its own target's: 3.5–4.5 s, 1.7–2.3 s, 3.5–4.5 s.
        let limits = panels.map { panel in ["data-low", "data-high"].map { Double(values($0, of: "rect", in: panel).first ?? "") ?? -1 } }
        #expect(limits.map { $0.map { ($0 * 10).rounded() / 10 } } == [[3.5, 4.5], [1.7, 2.3], [3.5, 4.5]])

        // Measured takes only, each in its verdict's colour.
        #expect(values("data-verdict", of: "circle", in: panels[0]) == ["short", "on-target", "long"])
        #expect(values("fill", of: "circle", in: panels[0]) == ["#e69f00", "#2ca02c", "#d62728"])
        #expect(values("class", of: "polyline", in: panels[0]) == ["median"], "the rolling median")
        #expect(ProgressPlot.rollingMedian([2, 4, 6, 100, 1, 3]) == [2, 3, 4, 5, 4, 4])
        #expect(values("fill", of: "circle", in: panels[2]).isEmpty)
        #expect(panels[2].contains(">no takes yet<") && !panels[0].contains(">no takes yet<"))
        #expect(panels[0].contains(">pause (s)<") && panels[0].contains(">take<"))

        let dutch = ProgressPlot.svg([anna], language: .nl)
        #expect(dutch.contains(">pauze (s)<") && dutch.contains(">doel 4,0 ± 0,5 s<") && dutch.contains(">te kort<"))
        #expect(!dutch.contains(">pause (s)<") && !dutch.contains(">target "))
        #expect(ProgressPlot.svg([], language: .nl).contains(">Nog geen opnamen.<"))
    }
}
