import Synchronization

/// A fixed-size single-producer/single-consumer ring of Float samples between
/// the capture thread and its consumer. Neither side allocates or locks: each
/// side owns one monotonically increasing counter and only reads the other's.
///
/// `@unchecked Sendable` because the storage is a raw buffer: the producer only
/// writes slots the consumer has released (`read` acquire/release), the
/// consumer only reads slots the producer has published (`written`).
final class SampleRing: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Float>
    /// Samples ever written (producer side) and ever read (consumer side).
    private let written = Atomic<Int>(0)
    private let read = Atomic<Int>(0)

    /// The number of samples the ring holds at most.
    var capacity: Int { storage.count }

    init(capacity: Int) {
        storage = .allocate(capacity: max(capacity, 1))
        storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    /// Samples written and not yet read.
    var available: Int { written.load(ordering: .acquiring) - read.load(ordering: .acquiring) }

    /// Producer: appends all of `samples`, or nothing when they do not fit
    /// (the consumer is too slow); returns whether they were appended.
    func write(_ samples: UnsafeBufferPointer<Float>) -> Bool {
        let w = written.load(ordering: .relaxed)
        let r = read.load(ordering: .acquiring)
        guard samples.count <= capacity - (w - r) else { return false }
        for (i, sample) in samples.enumerated() { storage[(w + i) % capacity] = sample }
        written.store(w + samples.count, ordering: .releasing)
        return true
    }

    /// Consumer: moves up to `limit` samples into `target`; returns how many.
    func read(into target: UnsafeMutableBufferPointer<Float>, limit: Int) -> Int {
        let r = read.load(ordering: .relaxed)
        let w = written.load(ordering: .acquiring)
        let count = min(w - r, target.count, limit)
        guard count > 0 else { return 0 }
        for i in 0..<count { target[i] = storage[(r + i) % capacity] }
        read.store(r + count, ordering: .releasing)
        return count
    }
}
