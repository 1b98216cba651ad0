import Foundation
import StilteCore

extension Stilte.Progress {
    /// At most this many panels (trainee × scenario) and takes per panel go into a plot.
    static let plotSeries = 8
    static let plotTakes = 500

    /// Writes the chart to `path` (mode 0600): SVG, or PNG when the name ends in `.png`.
    func writePlot(log: any SessionLog, report: ProgressReport, to path: String) throws {
        let language = Interface.language
        let histories = try log.pauseHistory(try filter.filter(in: log), lastPerGroup: Self.plotTakes)
        let shown = histories.prefix(Self.plotSeries)
        if histories.count > shown.count {
            let note = Interface.text(
                en: "note: the plot shows \(shown.count) of \(histories.count) trainee × scenario panels; narrow it with --trainee or --scenario",
                nl: "let op: de grafiek toont \(shown.count) van de \(histories.count) panelen (cursist × scenario); kies met --trainee of --scenario")
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        let panels = shown.map { history in
            ProgressPlot.Panel(label: "\(history.trainee.terminalSafe) · \(history.scenarioId.terminalSafe)",
                               target: history.target, points: history.points)
        }
        let svg = ProgressPlot.svg(Array(panels), language: language)
        let data = path.lowercased().hasSuffix(".png") ? try PlotPNG.render(svg, for: path) : Data(svg.utf8)
        try TakeBundle.writePrivately(data, to: URL(fileURLWithPath: path))
        FileHandle.standardError.write(Data((Interface.text(en: "Plot written to \(path)", nl: "Grafiek geschreven naar \(path)") + "\n").utf8))
    }
}

/// SVG to PNG through `rsvg-convert` (Debian librsvg2-bin, installed by scripts/setup).
enum PlotPNG {
    /// The PNG of `svg`; a clear error naming `path` and the package when the converter is missing or fails.
    static func render(_ svg: String, for path: String) throws -> Data {
        guard let converter = executable("rsvg-convert") else {
            throw CommandFailure(Interface.text(
                en: "cannot write \(path): PNG needs rsvg-convert (Debian: apt-get install librsvg2-bin); or name an .svg file",
                nl: "kan \(path) niet schrijven: voor PNG is rsvg-convert nodig (Debian: apt-get install librsvg2-bin); of kies een .svg-bestand"))
        }
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--format", "png", "--background-color", "white"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Write and read at once on two threads: a large chart fills either pipe.
        let writer = Thread { input.fileHandleForWriting.write(Data(svg.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let png = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            let detail = message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw CommandFailure(Interface.text(en: "cannot write \(path): rsvg-convert failed (\(detail))",
                                                nl: "kan \(path) niet schrijven: rsvg-convert mislukte (\(detail))"))
        }
        return png
    }

    /// `name` in `$PATH`, else nil.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
