import Foundation
import Testing
@testable import StilteCore

@Suite("Finding the scenario library")
struct ScenarioLibraryLocationTests {
    @Test func anExplicitDirectoryWins() throws {
        let fixture = try ScenarioFixture()
        let found = try ScenarioLibrary.locate(explicit: fixture.scenarios.path,
                                               environment: [ScenarioLibrary.environmentVariable: "/nonexistent"],
                                               executable: nil)
        #expect(found.path == fixture.scenarios.path)
    }

    @Test func theEnvironmentVariableComesNext() throws {
        let fixture = try ScenarioFixture()
        let found = try ScenarioLibrary.locate(environment: [ScenarioLibrary.environmentVariable: fixture.scenarios.path],
                                               executable: URL(fileURLWithPath: "/usr/bin/stilte"))
        #expect(found.path == fixture.scenarios.path)
    }

    @Test func otherwiseTheDirectoryAboveTheExecutable() throws {
        let fixture = try ScenarioFixture()
        let executable = fixture.root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/stilte")
        let found = try ScenarioLibrary.locate(environment: [:], executable: executable)
        #expect(found.standardizedFileURL.path == fixture.scenarios.standardizedFileURL.path)
    }

    @Test func aMissingDirectoryIsOneClearError() throws {
        #expect {
            try ScenarioLibrary.locate(explicit: "/nonexistent/Scenarios", environment: [:], executable: nil)
        } throws: { error in
            let error = try #require(error as? ScenarioError)
            return error.code == .noLibrary && error.description.contains("/nonexistent/Scenarios")
                && error.description.contains("--scenarios")
        }
        #expect {
            try ScenarioLibrary.locate(environment: [:], executable: URL(fileURLWithPath: "/nonexistent/bin/stilte"))
        } throws: { error in
            let error = try #require(error as? ScenarioError)
            return error.code == .noLibrary && error.description.contains("STILTE_SCENARIOS")
        }
    }
}
