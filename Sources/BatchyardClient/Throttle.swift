/// A bandwidth cap for uploads and downloads (`--limit-rate`), like curl's: useful on shared
/// links, and what lets a test watch a progress bar move.
public struct Throttle: Sendable, Hashable {
    /// The cap in bytes per second.
    public var bytesPerSecond: Int64

    /// A cap of `bytesPerSecond` (at least 1).
    public init(bytesPerSecond: Int64) {
        self.bytesPerSecond = max(1, bytesPerSecond)
    }

    /// Parses `500k`, `2M`, `1G` or a plain number of bytes per second (k = 1024).
    public init?(parsing text: String) {
        let lowered = text.lowercased().trimmingCharactersInWhitespace()
        var digits = Substring(lowered)
        var factor: Int64 = 1
        if let last = digits.last, let scale = ["k": Int64(1024), "m": 1 << 20, "g": 1 << 30][String(last)] {
            factor = scale
            digits.removeLast()
        }
        guard let value = Int64(digits), value > 0 else { return nil }
        self.init(bytesPerSecond: value * factor)
    }
}

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
