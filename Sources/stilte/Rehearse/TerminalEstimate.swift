import Foundation
import StiltePractice

extension Terminal {
    /// The trainee's estimate, typed at the terminal (digits, a comma or point, "s"; Backspace
    /// corrects, Enter ends), or without a terminal one line of standard input.
    func estimate(stop: () -> Bool) -> String? {
        guard interactive else { return readLine().map { String($0.prefix(20)) } }
        var typed = ""
        while !stop() {
            guard let key = pressedKey() else { usleep(20_000); continue }
            if key == "\n" { write("\n"); return typed }
            if key == "\u{7F}" || key == "\u{08}" {
                if !typed.isEmpty { typed.removeLast(); write("\u{08} \u{08}") }
            } else if key.isNumber || key == "," || key == "." || key == " " || key == "s", typed.count < 8 {
                typed.append(key)
                write(String(key))
            }
        }
        return nil
    }
}
