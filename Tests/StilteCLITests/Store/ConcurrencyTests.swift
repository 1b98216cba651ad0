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
        var processes: [(Process, URL)] = []
        for name in ["trainee", "trainer"] {
            let err = cli.scratch.appendingPathComponent("\(name).err")
            FileManager.default.createFile(atPath: err.path, contents: nil)
            let handle = try FileHandle(forWritingTo: err)
            let process = try cli.start(["generate-log", "--takes", "\(perProcess)", "--trainees", "3", "--scenarios", "2",
                                         "--prefix", name, "--each-in-own-transaction", "--with-reviews", "--wait-for", go.path],
                                        stdout: FileHandle.nullDevice, stderr: handle)
            processes.append((process, err))
        }
        // Both have opened the log; let them write at the same moment.
        usleep(300_000)
        FileManager.default.createFile(atPath: go.path, contents: nil)
        for (process, err) in processes {
            process.waitUntilExit()
            let stderr = String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(stderr)")
            #expect(!stderr.contains("locked"))
        }
        let takes = try cli.takesJSON()
        #expect(takes.count == 2 * perProcess)
        #expect(Set(takes.compactMap { $0["uuid"] as? String }).count == 2 * perProcess)
        // The writes really interleaved (in id order the owner switches back and forth).
        let owners = takes.sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }.map { ($0["trainee"] as? String ?? "").hasPrefix("trainer") }
        let switches = zip(owners, owners.dropFirst()).filter { $0 != $1 }.count
        #expect(switches >= 3, "only \(switches) switches between the two writers")
        #expect(try cli.run("review", "list", "--unreviewed").stdout.contains("Nothing left to review."))
        #expect(try cli.run("review", "list").stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("1 review") })
    }
}
