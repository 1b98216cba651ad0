/// Numbers as a trainee says them while counting: "twenty-one", "eenentwintig".
public enum CountWords {
    /// `number` (1…99) in words; other numbers as digits.
    public static func word(_ number: Int, _ language: Language) -> String {
        guard (1...99).contains(number) else { return String(number) }
        switch language {
        case .en: return english(number)
        case .nl: return dutch(number)
        }
    }

    /// The whole count in words, separated by commas: "eenentwintig, tweeëntwintig".
    public static func count(_ plan: CountPlan, _ language: Language) -> String {
        plan.numbers.map { word($0, language) }.joined(separator: ", ")
    }

    static let englishUnits = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let englishTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static func english(_ n: Int) -> String {
        if n < 20 { return englishUnits[n] }
        let unit = n % 10
        return englishTens[n / 10] + (unit == 0 ? "" : "-" + englishUnits[unit])
    }

    static let dutchUnits = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                             "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
    static let dutchTens = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]

    /// Dutch puts the unit first, joined by "en" — written "ën" after a unit ending in e
    /// (tweeëntwintig, drieëntwintig), so the vowels are read apart.
    static func dutch(_ n: Int) -> String {
        if n < 20 { return dutchUnits[n] }
        let unit = n % 10
        guard unit != 0 else { return dutchTens[n / 10] }
        let first = dutchUnits[unit]
        return first + (first.hasSuffix("e") ? "ën" : "en") + dutchTens[n / 10]
    }
}
