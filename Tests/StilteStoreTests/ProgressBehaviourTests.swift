import Foundation
import StilteAnalysis
import StilteCore
import Testing

/// Progress, pause histories and their filters, against every store; and both stores give the
/// same report for the same takes.
@Suite("Session log progress, against every store", .serialized)
struct ProgressBehaviourTests {
    /// Anna: five practice takes of s1 over two weeks (pauses 1, 2, 3, 4, 5 s; one with no pause),
    /// a demo and an interrupted take; Bert: one take of s2.
    static func fill(_ log: any SessionLog) throws {
        let week = 7 * 86_400.0
        for (index, seconds) in [1.0, 2, 3, 4, 5].enumerated() {
            _ = try log.saveTake(Fixtures.take("anna", seconds: seconds, at: Fixtures.day.addingTimeInterval(Double(index) * week / 4)))
        }
        _ = try log.saveTake(Fixtures.take("anna", seconds: nil, at: Fixtures.day.addingTimeInterval(week + 3_600)))
        _ = try log.saveTake(Fixtures.take("anna", seconds: 4, at: Fixtures.day.addingTimeInterval(60), state: .demo))
        _ = try log.saveTake(Fixtures.take("anna", seconds: 4, at: Fixtures.day.addingTimeInterval(120), state: .interrupted))
        _ = try log.saveTake(Fixtures.take("bert", scenario: "s2", seconds: 4.2, at: Fixtures.day))
    }

    @Test("counts, percentiles, weeks, first and recent takes; demo and interrupted takes left out", arguments: StoreKind.available)
    func progress(_ kind: StoreKind) throws {
        let store = try TestLog(kind)
        defer { store.remove() }
        let log = store.log
        try Self.fill(log)
        let report = try log.progress(TakeFilter())
        #expect(report.groups.map(\.trainee) == ["anna", "bert"])
        #expect(report.leftOut == 2)
        let anna = try #require(report.groups.first)
        #expect(anna.takes == 6)
        #expect(anna.measured == 5)
        #expect(anna.onTarget == 1)  // 4 s, with the default target 4 ± 0.5 s
        #expect(anna.medianPause == 3)
        #expect(abs((anna.p10Pause ?? 0) - 1.4) < 1e-9)
        #expect(abs((anna.p90Pause ?? 0) - 4.6) < 1e-9)
        #expect(anna.first?.pauseDuration == 1)
        #expect(anna.latest?.pauseDuration == nil)
        #expect(anna.recent.map(\.pauseDuration) == [1, 2, 3, 4, 5, nil])
        #expect(anna.weeks.map(\.takes).reduce(0, +) == 6)
        #expect(anna.weeks.first?.week.count == 10)
        let all = try log.progress(TakeFilter(trainee: "anna", includeAll: true))
        #expect(all.groups.first?.takes == 8)
        #expect(all.leftOut == 0)
        #expect(try log.progress(TakeFilter(trainee: "nobody")).groups.isEmpty)
        #expect(try log.progress(TakeFilter(scenarioId: "s2")).groups.map(\.trainee) == ["bert"])
        let history = try log.pauseHistory(TakeFilter(), lastPerGroup: 2)
        #expect(history.map(\.trainee) == ["anna", "bert"])
        #expect(history.first?.points.map(\.pauseDuration) == [5, nil])
    }

    @Test("SQLite and PostgreSQL give the same progress report for the same takes",
          .enabled(if: StoreKind.available.contains(.postgres), Comment(rawValue: TestPostgres.absence)))
    func sameReport() throws {
        let sqliteStore = try TestLog(.sqlite)
        defer { sqliteStore.remove() }
        let sqlite = sqliteStore.log
        let postgresStore = try TestLog(.postgres)
        defer { postgresStore.remove() }
        let postgres = postgresStore.log
        try Self.fill(sqlite)
        try Self.fill(postgres)
        /// Take ids are each store's own; everything else must agree.
        func comparable(_ report: ProgressReport) -> ProgressReport {
            var report = report
            for index in report.groups.indices {
                report.groups[index].first?.takeId = 0
                for point in report.groups[index].recent.indices { report.groups[index].recent[point].takeId = 0 }
                report.groups[index].latest?.takeId = 0
            }
            return report
        }
        #expect(comparable(try sqlite.progress(TakeFilter())) == comparable(try postgres.progress(TakeFilter())))
        #expect(comparable(try sqlite.progress(TakeFilter(includeAll: true))) == comparable(try postgres.progress(TakeFilter(includeAll: true))))
    }
}
