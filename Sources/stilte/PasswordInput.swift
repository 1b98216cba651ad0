import Foundation
import StilteCore
import StiltePractice

/// A password from standard input: on a terminal asked (twice with `confirm`) without echo;
/// otherwise the first line (`printf '%s\n' "$PW" | stilte users add …`).
enum PasswordInput {
    static func read(confirm: Bool) throws -> String {
        let terminal = isatty(STDIN_FILENO) == 1
        let password = try line(prompt: Interface.text(en: "Password: ", nl: "Wachtwoord: "), terminal: terminal)
        if let problem = Passwords.problem(password) { throw CommandFailure(problem) }
        if confirm && terminal {
            let again = try line(prompt: Interface.text(en: "Again: ", nl: "Nogmaals: "), terminal: terminal)
            guard again == password else {
                throw CommandFailure(Phrase(en: "the two passwords differ; nothing was changed — try again",
                                            nl: "de twee wachtwoorden verschillen; er is niets veranderd — probeer het opnieuw"))
            }
        }
        return password
    }

    private static func line(prompt: String, terminal: Bool) throws -> String {
        var saved = termios()
        if terminal {
            FileHandle.standardError.write(Data(prompt.utf8))
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if terminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(Phrase(en: "no password on standard input; type one, or pipe it in as one line",
                                        nl: "geen wachtwoord op standaardinvoer; typ er een, of geef het als één regel door"))
        }
        return line
    }
}
