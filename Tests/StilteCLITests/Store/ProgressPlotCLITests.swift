import Foundation
import Testing

/// `stilte progress --plot`: PNG by the file's name, in the interface language, a clear error without the converter;
/// and the coaching lines under the summary.
@Suite struct ProgressPlotCLITests {
    @Test("--plot x.png writes a PNG of one panel per trainee × scenario; without rsvg-convert one clear line and no file")
    func pngByName() throws {
        var cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate-log", "--takes", "12", "--trainees", "2", "--scenarios", "1").status == 0)
        let png = cli.scratch.appendingPathComponent("progress.png")
        let result = try cli.run("progress", "--plot", png.path)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: png)
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: 900 wide, the legend and two panels high (40 + 2 × 230).
        let size = [16, 20].map { offset in data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(size == [900, 500])
        #expect(LogCLI.mode(png.path) == 0o600)

        let svg = cli.scratch.appendingPathComponent("voortgang.svg")
        let dutch = try cli.run("--lang", "nl", "progress", "--plot", svg.path)
        #expect(dutch.stderr.contains("Grafiek geschreven naar"))
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains(">pauze (s)<") && text.contains(">doel 4,0 ± 0,5 s<") && !text.contains(">target "))
        #expect(dutch.stdout.contains("trainee-0 — coaching") && dutch.stdout.contains("reeks: "), "\(dutch.stdout)")

        cli.environment["PATH"] = "/nonexistent"
        let missing = cli.scratch.appendingPathComponent("nothing.png")
        let refused = try cli.run("progress", "--plot", missing.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("PNG needs rsvg-convert (Debian: apt-get install librsvg2-bin)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }
}
