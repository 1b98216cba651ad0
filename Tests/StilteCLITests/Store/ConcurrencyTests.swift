import Foundation
import Testing

@Suite("Two processes on one log")
struct ConcurrencyTests {
    @Test("two processes writing takes and reviews at once: no lost write, no 'database is locked'")
    func twoWriters() throws {
        let cli = try LogCLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("takes").status == 0)  // create the log first
        let perProcess = 250
        let go = cli.scratch.appendingPathComponent("go")
        var processes: [(Process, URL, URL)] = []
        for name in ["trainee", "trainer"] {
            let err = cli.scratch.appendingPathComponent("\(name).err"), out = cli.scratch.appendingPathComponent("\(name).out")
            FileManager.default.createFile(atPath: err.path, contents: nil)
            FileManager.default.createFile(atPath: out.path, contents: nil)
            let handle = try FileHandle(forWritingTo: err)
            let process = try cli.start(["generate-log", "--takes", "\(perProcess)", "--trainees", "3", "--scenarios", "2",
                                         "--prefix", name, "--each-in-own-transaction", "--with-reviews", "--wait-for", go.path],
                                        stdout: try FileHandle(forWritingTo: out), stderr: handle)
            processes.append((process, err, out))
        }
        // Once both have opened the log, let them write at the same moment.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, ((try? FileManager.default.contentsOfDirectory(atPath: cli.scratch.path)) ?? [])
            .filter({ $0.hasPrefix("go.ready-") }).count < 2 {
            usleep(5_000)
        }
        FileManager.default.createFile(atPath: go.path, contents: nil)
        var periods: [(start: Double, end: Double)] = []
        for (process, err, out) in processes {
            process.waitUntilExit()
            let stderr = String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(stderr)")
            #expect(!stderr.contains("locked"))
            // "Generated N takes, writing from START to END (Unix time)."
            let words = String(decoding: FileManager.default.contents(atPath: out.path) ?? Data(), as: UTF8.self).split(separator: " ")
            if let from = words.firstIndex(of: "from"), words.count > from + 3,
               let start = Double(words[from + 1]), let end = Double(words[from + 3]) {
                periods.append((start, end))
            }
        }
        // The two writers were writing at the same time (each waited for the other's transactions).
        #expect(periods.count == 2)
        #expect(periods.map(\.start).max() ?? 0 < periods.map(\.end).min() ?? 0, "\(periods)")
        let takes = try cli.takesJSON()
        #expect(takes.count == 2 * perProcess)
        #expect(Set(takes.compactMap { $0["uuid"] as? String }).count == 2 * perProcess)
        #expect(try cli.run("review", "list", "--unreviewed").stdout.contains("Nothing left to review."))
        #expect(try cli.run("review", "list").stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("1 review") })
    }
}
