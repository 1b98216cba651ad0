import Foundation
import Testing
import StilteAnalysis
@testable import StilteCore

@Suite struct PracticeScheduleTests {
    var calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
    let start = Date(timeIntervalSince1970: 1_780_000_000)  // the clock the test controls

    func day(_ n: Double, hour: Double = 10) -> Date {
        calendar.startOfDay(for: start).addingTimeInterval(n * 86_400 + hour * 3600)
    }

    func take(_ scenario: String, _ verdict: Verdict, on day: Double, hour: Double = 10) -> Take {
        var take = Take(traineeId: 1, scenarioId: scenario, recordingPath: "r.wav", sampleRate: 16_000, createdAt: self.day(day, hour: hour))
        take.verdict = verdict
        take.pauseDuration = verdict == .onTarget ? 4 : 2
        return take
    }

    @Test func intervalsGrowAfterSuccessAcrossDaysAndStartOverAfterAMiss() throws {
        let takes = [take("a", .onTarget, on: 0), take("a", .onTarget, on: 0, hour: 11),  // one day counts once
                     take("a", .onTarget, on: 1), take("a", .onTarget, on: 4), take("a", .onTarget, on: 12)]
        let entry = try #require(PracticeSchedule(scenarioIds: ["a"], takes: takes, calendar: calendar).entries.first)
        // 1 day, 3 days, then ×2.5: 7.5 → 8 days, then 20 days.
        #expect(entry.intervalDays == 20)
        #expect(entry.due == day(32))
        #expect(entry.takes == 5 && entry.lastSucceeded == true)
        let missed = PracticeSchedule(scenarioIds: ["a"], takes: takes + [take("a", .short, on: 33)], calendar: calendar).entries[0]
        #expect(missed.intervalDays == 0 && missed.due == day(33) && missed.lastSucceeded == false)
        let again = PracticeSchedule(scenarioIds: ["a"], takes: takes + [take("a", .short, on: 33), take("a", .onTarget, on: 34)],
                                     calendar: calendar).entries[0]
        #expect(again.intervalDays == 1, "after a miss the interval starts over")
    }

    @Test func nextFollowsTheScheduleOverWeeks() throws {
        // Over three weeks: "won" held every time, "lost" missed on day 15, "fresh" never practised,
        // "old" last held long ago.
        let takes = [take("won", .onTarget, on: 0), take("won", .onTarget, on: 1), take("won", .onTarget, on: 4),
                     take("lost", .onTarget, on: 2), take("lost", .long, on: 15),
                     take("old", .onTarget, on: 3)]
        let schedule = PracticeSchedule(scenarioIds: ["won", "fresh", "lost", "old"], takes: takes, calendar: calendar)
        let order = schedule.ordered(at: day(16)).map(\.scenarioId)
        #expect(order == ["lost", "fresh", "old", "won"], "missed first, then never practised, then longest unpractised")
        #expect(schedule.next(at: day(16))?.scenarioId == "lost")
        #expect(schedule.entries.first { $0.scenarioId == "won" }?.due == day(12))
        // Before day 12 "won" is not due; on day 12 it is, after "old" (practised earlier).
        #expect(schedule.entries[0].isDue(at: day(11.9)) == false)
        #expect(schedule.entries[0].isDue(at: day(12)) == true)
        // Once only successes remain, the one due soonest comes first among those not due.
        let done = PracticeSchedule(scenarioIds: ["won", "old"], takes: takes.filter { $0.scenarioId != "lost" }, calendar: calendar)
        #expect(done.ordered(at: day(3.5)).map(\.scenarioId) == ["old", "won"], "old is due on day 4, won on day 12")
        #expect(done.ordered(at: day(3.5)).allSatisfy { !$0.isDue(at: day(3.5)) })
    }

    @Test func theScenariosTableShowsTakesLastPractisedAndDueInBothLanguages() throws {
        let takes = [take("won", .onTarget, on: 0), take("won", .onTarget, on: 1), take("lost", .long, on: 2)]
        let schedule = PracticeSchedule(scenarioIds: ["won", "lost", "fresh"], takes: takes, calendar: calendar)
        let languages = ["won": "nl", "lost": "nl", "fresh": "en"]
        let english = ScheduleText.table(schedule.entries, languages: languages, now: day(3), calendar: calendar, .en)
        // "won": on target on days 0 and 1, so due 3 days after day 1.
        #expect(english == [
            "ID     LANG  TAKES  LAST PRACTISED  DUE",
            "won    nl        2  2 days ago      tomorrow",
            "lost   nl        1  yesterday       now",
            "fresh  en        0  –               now",
        ])
        let dutch = ScheduleText.table(schedule.entries, languages: languages, now: day(3), calendar: calendar, .nl)
        #expect(dutch[0] == "ID     TAAL  OPNAMES  LAATST GEOEFEND  AAN DE BEURT")
        #expect(dutch[1] == "won    nl          2  2 dagen geleden  morgen")
        #expect(dutch[2].hasSuffix("gisteren         nu"))
    }
}

