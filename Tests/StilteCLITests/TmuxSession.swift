import Foundation

/// A detached tmux session on a private server socket: a real pseudo-terminal
/// whose screen a test can read (`capture-pane`) and type into (`send-keys`).
final class TmuxSession {
    let socket = "stilte-test-\(UUID().uuidString.prefix(8))"
    let name = "live"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Starts `script` (an executable shell script) in a `columns` × `rows` terminal.
    init(script: URL, columns: Int = 80, rows: Int = 24) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", script.path])
    }

    deinit { try? tmux(["kill-server"]) }

    /// The visible screen, one string per row.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).components(separatedBy: "\n")
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The screen once it shows `text`, polled every 50 ms for up to `seconds`; nil if it never does.
    func waitFor(_ text: String, within seconds: Double) async throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let screen = try screen().joined(separator: "\n")
            if screen.contains(text) { return screen }
            try await Task.sleep(for: .seconds(0.05))
        }
        return nil
    }

    /// Whether the terminal shows its cursor.
    func cursorVisible() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{cursor_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Runs a tmux command against this server and returns what it printed. Spawned with
    /// `posix_spawn` and reaped with `waitpid`: the tmux server the first command forks
    /// inherits descriptors, which makes Foundation's `Process` wait for it forever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, &cArguments, environ)
        guard rc == 0 else { throw TmuxError(description: "cannot run tmux: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
}
