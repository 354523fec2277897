/// The state of one upload or download and how to show it: a value, so rate, ETA and both
/// renderings (a redrawn bar on a terminal, plain lines otherwise) are testable with chosen clocks.
///
/// Times are seconds on any monotonic clock; the reporter passes `ContinuousClock` readings.
public struct TransferProgress: Sendable, Hashable {
    /// What is moving (a file name).
    public var label: String
    /// The total bytes, when known.
    public var total: Int64?
    /// Bytes done, including `initial`.
    public var done: Int64
    /// Bytes that were already there when this run started (a resumed upload): they count towards
    /// `done` but not towards the rate.
    public var initial: Int64
    /// When this run started.
    public var started: Double

    /// A transfer of `total` bytes of which `initial` are already done, starting at `started`.
    public init(label: String, total: Int64?, initial: Int64 = 0, started: Double) {
        self.label = label
        self.total = total
        self.done = initial
        self.initial = initial
        self.started = started
    }

    /// Bytes per second moved by this run, or `nil` before any time has passed.
    public func rate(now: Double) -> Double? {
        let elapsed = now - started
        guard elapsed > 0.05 else { return nil }
        return Double(done - initial) / elapsed
    }

    /// Seconds left at the current rate, or `nil` when unknown (no total, no rate yet).
    public func eta(now: Double) -> Double? {
        guard let total, let rate = rate(now: now), rate > 0 else { return nil }
        return Double(max(0, total - done)) / rate
    }

    /// The fraction done (0…1), or `nil` without a total.
    public var fraction: Double? {
        guard let total else { return nil }
        return total == 0 ? 1 : min(1, Double(done) / Double(total))
    }

    /// One line for a terminal that is redrawn in place:
    /// `big.json [=========>          ]  12.0 MiB / 24.0 MiB  50%  4.0 MiB/s  ETA 3s`,
    /// cut to `width` columns (the bar shrinks first).
    public func terminalLine(now: Double, width: Int) -> String {
        let amount = total.map { "\(Self.bytes(done)) / \(Self.bytes($0))" } ?? Self.bytes(done)
        let percent = fraction.map { "\(Int(($0 * 100).rounded(.down)))%" } ?? ""
        let speed = rate(now: now).map { Self.bytes(Int64($0)) + "/s" } ?? "--/s"
        let eta = "ETA " + (eta(now: now).map(Self.duration) ?? "--")
        let tail = [amount, percent, speed, eta].filter { !$0.isEmpty }.joined(separator: "  ")
        let name = label.count > 24 ? "…" + label.suffix(23) : label
        let room = width - name.count - tail.count - 5
        guard room >= 10, let fraction else {
            return String("\(name)  \(tail)".prefix(max(width - 1, 20)))
        }
        let barWidth = min(room, 40)
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "=", count: filled)
            + (filled < barWidth ? ">" + String(repeating: " ", count: barWidth - filled - 1) : "")
        return "\(name) [\(bar)]  \(tail)"
    }

    /// One line for logs and pipes: `big.json: 12.0 MiB of 24.0 MiB (50%), 4.0 MiB/s, ETA 3s`.
    public func plainLine(now: Double) -> String {
        var text = "\(label): \(Self.bytes(done))"
        if let total, let fraction { text += " of \(Self.bytes(total)) (\(Int((fraction * 100).rounded(.down)))%)" }
        if let rate = rate(now: now) { text += ", \(Self.bytes(Int64(rate)))/s" }
        if let eta = eta(now: now) { text += ", ETA \(Self.duration(eta))" }
        return text
    }

    /// The last line: `big.json: 24.0 MiB uploaded in 6s (4.0 MiB/s)`, plus what a resume skipped.
    public func summaryLine(now: Double, verb: String) -> String {
        var text = "\(label): \(Self.bytes(done - initial)) \(verb) in \(Self.elapsed(max(0, now - started)))"
        if let rate = rate(now: now) { text += " (\(Self.bytes(Int64(rate)))/s)" }
        if initial > 0 { text += ", \(Self.bytes(initial)) were already there" }
        return text
    }

    /// `512 B`, `1.5 KiB`, `12.0 MiB`, `1.02 GiB`.
    public static func bytes(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(count) B" }
        let digits = value < 10 && unit >= 3 ? 2 : 1
        return Self.fixed(value, digits: digits) + " " + units[unit]
    }

    /// `0s`, `42s`, `3m05s`, `1h02m`.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m" + Self.twoDigits(whole % 60) + "s" }
        return "\(whole / 3600)h" + Self.twoDigits((whole % 3600) / 60) + "m"
    }

    /// Like `duration`, but with tenths under ten seconds (`0.3s`), for how long something took.
    public static func elapsed(_ seconds: Double) -> String {
        seconds < 9.95 ? fixed(seconds, digits: 1) + "s" : duration(seconds)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let whole = scaled / Int64(scale)
        var fraction = String(scaled % Int64(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return "\(whole).\(fraction)"
    }
}
