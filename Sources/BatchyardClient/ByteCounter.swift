import Synchronization

/// Bytes handed out by one attempt, so a retry can take them back from the progress display.
final class ByteCounter: Sendable {
    private let count = Mutex<Int64>(0)
    func add(_ bytes: Int) { count.withLock { $0 += Int64(bytes) } }
    var value: Int64 { count.withLock { $0 } }
}
