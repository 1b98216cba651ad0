import StilteAnalysis

/// The bar that fills toward the target while the trainee stays silent.
///
/// It spans 0 … `target.upperBound + 1.5` s; the cells inside the target window
/// are marked, and the filled part takes the colour of the verdict it would get (``Verdict/paint``).
public struct PauseBar: Sendable {
    public var target: PauseTarget
    /// Cells in the bar.
    public var cells: Int

    public init(target: PauseTarget, cells: Int = 48) {
        self.target = target
        self.cells = max(8, cells)
    }

    /// Seconds the full bar stands for.
    public var scale: Double { target.upperBound + 1.5 }

    /// Whether cell `index`'s middle lies in the target window.
    func inWindow(_ index: Int) -> Bool {
        let middle = (Double(index) + 0.5) * scale / Double(cells)
        return middle >= target.lowerBound && middle <= target.upperBound
    }

    /// The colour of the filled part after `seconds` of silence: the colour of the verdict
    /// the pause would get if it ended now.
    public func paint(for seconds: Double) -> TerminalStyle.Paint {
        target.verdict(for: seconds).paint
    }

    /// The bar after `seconds`: `█` filled, `▒` the unfilled target window, `░` the rest.
    public func render(_ seconds: Double, style: TerminalStyle) -> String {
        let filled = min(cells, max(0, Int((seconds / scale * Double(cells)).rounded(.down))))
        var rest = ""
        for i in filled..<cells { rest.append(inWindow(i) ? "▒" : "░") }
        let full = String(repeating: "█", count: filled)
        return "▕" + style.paint(full, paint(for: seconds)) + rest + "▏"
    }
}
