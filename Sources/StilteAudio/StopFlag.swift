import Synchronization

/// A one-way "stop now" request shared between threads: a signal handler or a
/// UI raises it, a playback or capture loop checks it once per block.
public final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Requests the stop. Safe from any thread, any number of times.
    public func raise() { raised.store(true, ordering: .releasing) }

    /// Whether `raise()` has been called.
    public var isRaised: Bool { raised.load(ordering: .acquiring) }
}
