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

    @Test func aGrandchildHoldingThePipesDoesNotHangTheCaller() async throws {
        let shell = try #require(ChildProcess.tool("sh"))
        let result = try await ChildProcess.run(shell, ["-c", "sleep 3 & echo started"], timeout: 10)
        #expect(result.succeeded)
        #expect(result.output == "started\n")
        #expect(result.seconds < 1)
    }

    @Test func aStartedChildCanBeInterrupted() async throws {
        let shell = try #require(ChildProcess.tool("sh"))
        let child = try ChildProcess.start(shell, ["-c", "trap 'echo interrupted >&2; exit 130' INT; echo ready >&2; while :; do sleep 0.05; done"])
        let clock = ContinuousClock(), giveUp = clock.now + .seconds(5)
        while child.errorLinesSoFar.isEmpty && clock.now < giveUp { try await Task.sleep(for: .milliseconds(10)) }
        child.send(SIGINT)
        let result = try await child.result()
        #expect(result.status == 130 && !result.timedOut)
        #expect(result.errorLines.map(\.text) == ["ready", "interrupted"])
    }
}
