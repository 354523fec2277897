import Synchronization

/// Shows a `TransferProgress` while bytes move: redrawn in place at most ten times a second on a
/// terminal, a plain line every `plainInterval` seconds otherwise, nothing when silent.
///
/// Updates come from the HTTP client's threads, so the state sits behind a mutex.
public final class ProgressReporter: Sendable {
    /// How to show progress.
    public enum Style: Sendable, Hashable {
        /// A bar redrawn with `\r` on a terminal `width` columns wide.
        case terminal(width: Int)
        /// Plain lines, for pipes and logs.
        case plain
        /// Nothing (`--json`, `--quiet`).
        case silent
    }

    private struct State {
        var progress: TransferProgress
        var lastDraw: Double = -1
    }

    private let state: Mutex<State>
    private let style: Style
    private let verb: String
    private let plainInterval: Double
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Double

    /// A reporter for `label`, of `total` bytes of which `initial` are already done.
    public init(
        label: String, total: Int64?, initial: Int64 = 0, style: Style, verb: String, plainInterval: Double = 1,
        clock: @escaping @Sendable () -> Double = ProgressReporter.monotonicSeconds,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.style = style
        self.verb = verb
        self.plainInterval = plainInterval
        self.write = write
        self.clock = clock
        state = Mutex(State(progress: TransferProgress(label: label, total: total, initial: initial, started: clock())))
    }

    /// Sets the total once it is known (a download's `Content-Length`).
    public func setTotal(_ total: Int64?) {
        state.withLock { $0.progress.total = total }
    }

    /// Counts `bytes` more and redraws when it is time.
    public func add(_ bytes: Int) {
        let now = clock()
        let line: String? = state.withLock { state in
            state.progress.done += Int64(bytes)
            switch style {
            case .silent:
                return nil
            case .terminal(let width):
                guard now - state.lastDraw >= 0.1 else { return nil }
                state.lastDraw = now
                return "\r" + state.progress.terminalLine(now: now, width: width) + "\u{1B}[K"
            case .plain:
                if state.lastDraw < 0 { state.lastDraw = now }
                guard now - state.lastDraw >= plainInterval else { return nil }
                state.lastDraw = now
                return state.progress.plainLine(now: now) + "\n"
            }
        }
        if let line { write(line) }
    }

    /// Draws the final state: on a terminal the full bar then a new line, then the summary.
    public func finish() {
        let now = clock()
        let progress = state.withLock { $0.progress }
        switch style {
        case .silent:
            return
        case .terminal(let width):
            write("\r" + progress.terminalLine(now: now, width: width) + "\u{1B}[K\n")
        case .plain:
            break
        }
        write(progress.summaryLine(now: now, verb: verb) + "\n")
    }

    /// The current state (for tests and summaries).
    public var progress: TransferProgress { state.withLock { $0.progress } }

    /// Seconds on the monotonic clock.
    public static let monotonicSeconds: @Sendable () -> Double = {
        let now = ContinuousClock.now - ContinuousClock.zeroReference
        return Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18
    }
}

extension ContinuousClock {
    fileprivate static let zeroReference = ContinuousClock.now
}
