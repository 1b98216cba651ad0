import Foundation
import StilteCore
import StiltePractice
#if canImport(Glibc)
import Glibc
#endif

/// The terminal the rehearsal talks to: whether stdin/stdout are TTYs, their
/// size, single-key input and the cursor. Everything it changes (the input mode,
/// the hidden cursor) is put back by `restore()`, which is safe to call twice.
///
/// Keys are read by the session's thread, text written by the screen's task: `@unchecked
/// Sendable` because the two touch different state (the input mode is changed before the
/// session asks and put back after the screen has drawn everything).
final class Terminal: @unchecked Sendable {
    /// What the output can show (ANSI, colours), from `isatty`, `TERM` and `NO_COLOR`.
    let style: TerminalStyle
    /// Whether keys can be read one at a time (stdin is a TTY).
    let interactive: Bool
    private var savedMode: termios?
    private var cursorHidden = false

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let outputIsTTY = isatty(STDOUT_FILENO) == 1
        style = TerminalStyle.detect(isTTY: outputIsTTY, environment: environment)
        interactive = style.ansi && isatty(STDIN_FILENO) == 1
    }

    deinit { restore() }

    /// Columns of the output terminal (80 when unknown).
    var columns: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Reads keys one at a time without echo; Ctrl-C still raises SIGINT.
    func enterKeyMode() {
        guard interactive, savedMode == nil else { return }
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        savedMode = mode
        mode.c_lflag &= ~tcflag_t(ICANON | ECHO)
        mode.c_cc.6 = 0   // VMIN: reads return at once
        mode.c_cc.5 = 0   // VTIME
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }

    /// Hides the cursor while the live screen is drawn.
    func hideCursor() {
        guard style.ansi, !cursorHidden else { return }
        cursorHidden = true
        write("\u{1B}[?25l")
    }

    /// Shows the cursor again after `hideCursor()`.
    func showCursor() {
        guard cursorHidden else { return }
        cursorHidden = false
        write("\u{1B}[?25h")
    }

    /// Puts the input mode and the cursor back as they were.
    func restore() {
        showCursor()
        if var mode = savedMode {
            savedMode = nil
            tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        }
    }

    /// Forgets keys typed ahead (for example during the prompt), so they do not stop the take.
    func discardPendingKeys() {
        guard interactive else { return }
        tcflush(STDIN_FILENO, TCIFLUSH)
    }

    /// The key pressed since the last call, if any (never waits).
    func pressedKey() -> Character? {
        guard interactive else { return nil }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return nil }
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
        return Character(Unicode.Scalar(byte == 13 ? 10 : byte))
    }

    /// Waits up to `timeout` seconds for one of `keys` (Enter is "\n"); nil on timeout or when `stop` says so.
    func waitForKey(_ keys: Set<Character>, timeout: Double = .infinity, stop: () -> Bool) -> Character? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, !stop() {
            if let key = pressedKey(), keys.contains(Character(key.lowercased())) { return Character(key.lowercased()) }
            usleep(20_000)
        }
        return nil
    }

    /// Writes `lines`, each ended by a newline.
    func print(_ lines: [String]) {
        write(lines.map { $0 + "\n" }.joined())
    }

    /// Writes `text` to standard output at once (not buffered).
    func write(_ text: String) {
        let bytes = Array(style.shown(text).utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(STDOUT_FILENO, base + offset, raw.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }
}
