import ArgumentParser
import StilteCore

extension Stilte {
    /// `stilte next`: what is due in the trainee's spaced practice.
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Show the scenario due now and the rest of your practice schedule.", nl: "Toon het scenario dat nu aan de beurt is en de rest van je oefenschema."),
            discussion: Interface.text(en: """
                A scenario missed most recently comes first, then those not practised for longest; \
                after a day on target it waits 1 day, then 3, then 2.5 times longer each time. \
                `stilte rehearse` without a scenario starts the one shown here.
                """, nl: "Een scenario dat je het laatst miste, komt eerst, daarna de scenario's die je het langst niet hebt geoefend; na een dag op doel wacht het 1 dag, dan 3, en daarna elke keer 2,5 keer zo lang. `stilte rehearse` zonder scenario begint met het scenario dat hier bovenaan staat."))

        @Option(help: .text(en: "Who is practising (default: $STILTE_TRAINEE, else $USER).", nl: "Wie er oefent (standaard: $STILTE_TRAINEE, anders $USER)."), completion: Completions.traineeNames)
        var trainee: String?

        @OptionGroup var library: ScenarioLibraryOptions

        func run() throws {
            let library = try library.load()
            let log = try LogAccess.open(.readOnly)
            let context = try TraineeContext.load(trainee, log: log, remember: false)
            let now = TraineeContext.now
            let ordered = try context.schedule(library.scenarios, log: log).ordered(at: now)
            let titles = Dictionary(library.scenarios.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            print(ScheduleText.next(ordered, titles: titles, now: now, calendar: TraineeContext.calendar, context.language)
                .joined(separator: "\n"))
        }
    }
}
