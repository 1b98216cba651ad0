import Foundation
import StilteTestSupport
import Testing

@Suite("Child processes")
struct ChildProcessTests {
    @Test func childrenStartWithNoSignalBlocked() async throws {
        let grep = try #require(ChildProcess.tool("grep"))
        let result = try await ChildProcess.run(grep, ["SigBlk", "/proc/self/status"])
        #expect(result.output.contains("SigBlk:\t0000000000000000"), "\(result.output)")
    }

    @Test func aChildOutlivingItsTimeoutIsTerminated() async throws {
        let sleep = try #require(ChildProcess.tool("sleep"))
        let result = try await ChildProcess.run(sleep, ["30"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.terminatedBySignal && result.status == SIGTERM)
        #expect(result.seconds < 1.4, "took \(result.seconds) s")
    }

    @Test func standardInputEnvironmentAndOutputsArePassed() async throws {
        let shell = try #require(ChildProcess.tool("sh"))
        let result = try await ChildProcess.run(shell, ["-c", "cat; echo \"$STILTE_PROBE\" >&2; exit 3"],
                                                environment: ["STILTE_PROBE": "probe"],
                                                standardInput: Data("in".utf8))
        #expect(result.status == 3 && !result.succeeded)
        #expect(result.output == "in")
        #expect(result.errorLines.map(\.text) == ["probe"])
    }
}
