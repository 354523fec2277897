/// Sleeps just enough that `total` bytes never run ahead of a `Throttle` since the pacer started.
struct Pacer: Sendable {
    let throttle: Throttle
    let start = ContinuousClock.now

    init(throttle: Throttle) { self.throttle = throttle }

    func pace(total: Int64) async throws {
        let due = Duration.seconds(Double(total) / Double(throttle.bytesPerSecond))
        let elapsed = ContinuousClock.now - start
        if due > elapsed { try await Task.sleep(for: due - elapsed) }
    }
}
