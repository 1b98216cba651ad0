import Foundation
import StilteAnalysis
import Testing
@testable import StilteCore
@testable import StilteStoreSQLite

@Suite("Progress and agreement queries")
struct ProgressQueryTests {
    @Test("percentiles, counts, first/latest and weeks match a computation in Swift")
    func matchesSwift() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let monday = Date(timeIntervalSince1970: 1_779_062_400)  // 2026-05-18, a Monday, 00:00 UTC
        var pauses: [Double?] = []
        var generator = SystemRandomNumberGenerator()
        for i in 0..<37 {
            let pause: Double? = i % 9 == 4 ? nil : Double.random(in: 1...7, using: &generator)
            pauses.append(pause.map { (1.5 + $0) - 1.5 })  // as the fixture's Pause computes it
            _ = try log.saveTake(StoreFixtures.take("anna", scenario: "s1", seconds: pause, at: monday.addingTimeInterval(Double(i) * 36_000)))
        }
        _ = try log.saveTake(StoreFixtures.take("bert", scenario: "s1", seconds: 4, at: monday))
        let report = try log.progress(TakeFilter(trainee: "anna"))
        #expect(report.groups.count == 1)
        let group = try #require(report.groups.first)
        let measured = pauses.compactMap { $0 }.sorted()
        #expect(group.takes == 37)
        #expect(group.measured == measured.count)
        #expect(group.onTarget == measured.filter { $0 >= 3.5 && $0 <= 4.5 }.count)
        let median = try #require(group.medianPause), p10 = try #require(group.p10Pause), p90 = try #require(group.p90Pause)
        #expect(abs(median - (Percentile.of(sorted: measured, 0.5) ?? .nan)) < 1e-9)
        #expect(abs(p10 - (Percentile.of(sorted: measured, 0.1) ?? .nan)) < 1e-9)
        #expect(abs(p90 - (Percentile.of(sorted: measured, 0.9) ?? .nan)) < 1e-9)
        #expect(group.first?.pauseDuration == pauses.first!)
        #expect(group.latest?.pauseDuration == pauses.last!)
        #expect(group.recent.count == 12)
        #expect(group.recent.map(\.pauseDuration) == Array(pauses.suffix(12)))
        // 37 takes 10 h apart from Monday 00:00: 17 in the first week, 17 in the second, 3 in the third.
        #expect(group.weeks.map(\.week) == ["2026-05-18", "2026-05-25", "2026-06-01"])
        #expect(group.weeks.map(\.takes) == [17, 17, 3])
        let firstWeek = pauses.prefix(17).compactMap { $0 }
        #expect(abs((group.weeks.first?.meanPause ?? .nan) - firstWeek.reduce(0, +) / Double(firstWeek.count)) < 1e-9)
        #expect(group.weeks.map(\.onTarget).reduce(0, +) == group.onTarget)
        #expect(try log.progress(TakeFilter()).groups.map(\.trainee) == ["anna", "bert"])
        #expect(try log.progress(TakeFilter(trainee: "nobody")).groups.isEmpty)
    }

    @Test("demo, interrupted and empty takes are left out of progress, counted, and back with --all")
    func takesThatAreNotPractice() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        for state in [Take.State.complete, .complete, .demo, .interrupted, .empty] {
            var take = StoreFixtures.take("anna", seconds: 4)
            take.measurement.state = state
            _ = try log.saveTake(take)
        }
        let practice = try log.progress(TakeFilter(trainee: "anna"))
        #expect(practice.groups.first?.takes == 2)
        #expect(practice.groups.first?.onTarget == 2)
        #expect(practice.leftOut == 3)
        #expect(ProgressFormat.text(practice, language: .en).contains("(3 demo, interrupted or empty takes left out; --all counts them)"))
        #expect(ProgressFormat.text(practice, language: .nl).contains("(3 demo-, onderbroken of lege opnamen niet meegeteld; --all telt ze mee)"))
        let all = try log.progress(TakeFilter(trainee: "anna", includeAll: true))
        #expect(all.groups.first?.takes == 5)
        #expect(all.leftOut == 0)
        #expect(try log.takes(TakeFilter(trainee: "anna")).map(\.state).filter { !$0.isPractice } == [.demo, .interrupted, .empty])
    }

    @Test("pause history: the last takes per trainee × scenario, oldest first")
    func history() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        for i in 0..<9 {
            _ = try log.saveTake(StoreFixtures.take(i % 3 == 0 ? "bert" : "anna", seconds: Double(i), at: start.addingTimeInterval(Double(i) * 60)))
        }
        let histories = try log.pauseHistory(TakeFilter(), lastPerGroup: 4)
        #expect(histories.map(\.trainee) == ["anna", "bert"])
        #expect(histories[0].points.map(\.pauseDuration) == [4, 5, 7, 8].map { (1.5 + $0) - 1.5 })
        #expect(histories[1].points.map(\.pauseDuration) == [0, 3, 6].map { (1.5 + $0) - 1.5 })
        #expect(try log.pauseHistory(TakeFilter(trainee: "bert"), lastPerGroup: 1).first?.points.count == 1)
    }

    @Test("the corrected pause is what progress counts")
    func correctedInProgress() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        let id = try #require(try log.saveTake(StoreFixtures.take(seconds: 2.5)).take.id)
        #expect(try log.progress(TakeFilter()).groups.first?.onTarget == 0)
        _ = try log.addReview(Review(takeId: id, reviewer: "m", correctedPause: TimeSpan(start: 1.5, end: 5.5)))
        let group = try #require(try log.progress(TakeFilter()).groups.first)
        #expect(group.onTarget == 1)
        #expect(group.medianPause == 4.0)
    }

    @Test("small numbers are shown as counts, not percentages")
    func honestShare() {
        var group = ProgressGroup(trainee: "a", scenarioId: "s", takes: 5, measured: 5, onTarget: 3, target: PauseTarget(),
                                  medianPause: 4, p10Pause: 3, p90Pause: 5, first: nil, latest: nil, recent: [], weeks: [])
        #expect(group.onTargetText(.en) == "3 of 5" && group.onTargetText(.nl) == "3 van 5")
        group.takes = 40
        group.onTarget = 25
        #expect(group.onTargetText(.en) == "63 % of 40" && group.onTargetText(.nl) == "63 % van 40")
        let text = ProgressFormat.text(ProgressReport(groups: [ProgressGroup(trainee: "a", scenarioId: "s", takes: 2, measured: 2, onTarget: 1,
            target: PauseTarget(), medianPause: 4, p10Pause: 3, p90Pause: 5, first: nil, latest: nil, recent: [], weeks: [])]), language: .en)
        #expect(text.contains("1 of 2"))
        #expect(text.contains("too few takes"))
        #expect(!text.contains("%"))
    }

    @Test("the summary in Dutch: every line, numbers with a decimal comma")
    func dutchSummary() {
        let point = ProgressPoint(takeId: 1, createdAt: Date(timeIntervalSince1970: 0), pauseDuration: 3.5, verdict: .onTarget)
        let group = ProgressGroup(trainee: "anna", scenarioId: "s", takes: 6, measured: 6, onTarget: 1, target: PauseTarget(),
                                  medianPause: 3.25, p10Pause: 2, p90Pause: 4.5, first: point, latest: point, recent: [point],
                                  weeks: [WeekBucket(week: "2026-11-30", takes: 1, onTarget: 1, meanPause: 3.5)])
        let report = ProgressReport(groups: [group], leftOut: 1)
        #expect(ProgressFormat.text(report, language: .nl) == """
            anna · s: 6 opnamen, raak 1 van 6  (doel 4,0 ± 0,5 s)
              mediaan 3,25 s, spreiding 2,00 s–4,50 s (p10–p90), eerste 3,50 s → laatste 3,50 s
              laatste 1: \(Sparkline.render([3.5], targetSeconds: 4))
              week van 2026-11-30: 1 opname, 1 raak, gemiddeld 3,50 s
            (1 demo-, onderbroken of lege opname niet meegeteld; --all telt ze mee)

            """)
        #expect(ProgressFormat.text(report, language: .en) == """
            anna · s: 6 takes, on target 1 of 6  (target 4.0 ± 0.5 s)
              median 3.25 s, spread 2.00 s–4.50 s (p10–p90), first 3.50 s → latest 3.50 s
              last 1: \(Sparkline.render([3.5], targetSeconds: 4))
              week of 2026-11-30: 1 take, 1 on target, mean 3.50 s
            (1 demo, interrupted or empty take left out; --all counts them)

            """)
        #expect(ProgressFormat.text(ProgressReport(groups: []), language: .nl) == "Nog geen opnamen.\n")
    }

    @Test("sparkline: 0 s to twice the target over eight levels; missing pauses shown as a dot")
    func sparkline() {
        #expect(Sparkline.render([0, 4, 8, 20, nil], targetSeconds: 4) == "▁▅█Ⓧ·".replacingOccurrences(of: "Ⓧ", with: "█"))
        #expect(Sparkline.render([1, 2, 3], targetSeconds: 4) == "▂▃▄")
    }

    @Test("agreement: count, median and p90 of boundary differences")
    func agreement() throws {
        let home = StoreFixtures.home()
        defer { StoreFixtures.remove(home) }
        let log = try SQLiteSessionLog(home: home)
        // Detected pauses 1.5–5.5; corrections shift the start by 0.1, 0.2, 0.3 and the end by 0.4, 0.5, 0.6.
        for shift in [0.1, 0.2, 0.3] {
            let id = try #require(try log.saveTake(StoreFixtures.take(seconds: 4)).take.id)
            _ = try log.addReview(Review(takeId: id, reviewer: "m", correctedPause: TimeSpan(start: 1.5 + shift, end: 5.5 + shift + 0.3)))
        }
        _ = try log.saveTake(StoreFixtures.take(seconds: 4))
        let report = try log.agreement()
        #expect(report.corrections == 3)
        #expect(report.missedByDetector == 0)
        #expect(abs((report.start.median ?? 0) - 0.2) < 1e-9)
        #expect(abs((report.end.median ?? 0) - 0.5) < 1e-9)
        #expect(abs((report.start.p90 ?? 0) - 0.28) < 1e-9)
        #expect(report.both.count == 6)
    }
}
