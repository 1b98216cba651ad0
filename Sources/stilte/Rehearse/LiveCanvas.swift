/// Draws the live screen in place: each frame overwrites the previous one.
struct LiveCanvas {
    private var drawnLines = 0

    /// Replaces the previous frame with `lines`.
    mutating func draw(_ lines: [String], on terminal: Terminal) {
        var out = drawnLines > 0 ? "\r\u{1B}[\(drawnLines)A" : ""
        for line in lines { out += "\u{1B}[2K" + line + "\n" }
        if lines.count < drawnLines {
            for _ in lines.count..<drawnLines { out += "\u{1B}[2K\n" }
            out += "\u{1B}[\(drawnLines - lines.count)A"
        }
        drawnLines = lines.count
        terminal.write(out)
    }
}
