import Foundation
import StilteCore

/// The language this run of `stilte` speaks, decided once from `--lang` and the environment
/// (``LanguageChoice``). Commands that know the trainee pass their stored preference to
/// `choice.resolved(stored:)`; everything else uses ``language``.
enum Interface {
    /// `--lang` and the environment, as read at start. An invalid value was already refused by `Stilte.main`.
    static let choice: LanguageChoice = (try? read()) ?? LanguageChoice()

    /// The interface language when no trainee preference applies.
    static var language: Language { choice.resolved() }

    /// The words in the interface language.
    static func text(en: String, nl: String) -> String { Phrase(en: en, nl: nl).text(language) }

    /// What standard output can show (a terminal or not, colours, ASCII only under `LC_ALL=C`).
    static let output = TerminalStyle.detect(isTTY: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)

    /// Prints `text` as standard output can show it (ASCII stand-ins under `LC_ALL=C`).
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(output.shown(text), terminator: terminator)
    }

    /// Seconds as the interface language writes them ("2.50 s", "2,50 s").
    static func seconds(_ value: Double) -> String { NumberFormat.seconds(value, language) }

    /// Reads `--lang X` / `--lang=X` from the command line and the locale variables.
    static func read() throws(LanguageError) -> LanguageChoice {
        try LanguageChoice.from(flag: LanguageFlag.value(in: Array(CommandLine.arguments.dropFirst())),
                                environment: ProcessInfo.processInfo.environment)
    }
}

/// `--lang`, accepted by every command: it is taken out of the arguments before they are parsed.
enum LanguageFlag {
    /// The value of the last `--lang X` or `--lang=X` before a `--`; nil when there is none.
    static func value(in arguments: [String]) -> String? {
        var value: String?
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.count {
                value = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            }
            index += 1
        }
        return value
    }

    /// `arguments` without `--lang X` / `--lang=X` (before a `--`).
    static func removed(from arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                kept += arguments[index...]
                break
            }
            if argument == "--lang", index + 1 < arguments.count {
                index += 2
                continue
            }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
            index += 1
        }
        return kept
    }
}
