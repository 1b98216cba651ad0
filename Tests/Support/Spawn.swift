import Foundation

extension Process {
    /// Launches the process with NO signals blocked.
    ///
    /// Foundation's `run()` on Linux passes the calling thread's signal mask to the child, and Swift concurrency
    /// and Dispatch threads block nearly every signal (SIGINT, SIGTERM, SIGHUP...): a child started from a test
    /// would ignore Ctrl-C and `kill`. So the launch happens on a fresh thread whose mask is cleared first.
    func runUnblocked() throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = LaunchOutcome()
        let thread = Thread {
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            do { try self.run() } catch { outcome.error = error }
            done.signal()
        }
        thread.start()
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// The launch thread's error, handed back to the caller.
private final class LaunchOutcome: @unchecked Sendable {
    var error: (any Error)?
}
