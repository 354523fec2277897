import Synchronization

/// A bounded queue between one producing and one consuming task, so that reading and parsing a
/// file runs on one core while validating and writing its records runs on the other.
///
/// The producer waits when `capacity` elements are queued, which bounds memory whatever the
/// relative speeds; the consumer can stop the producer early (it failed). Continuations are only
/// wake-ups: each side re-checks the state after waking, so no element is ever handed over twice.
final class BoundedHandoff<Element: Sendable>: Sendable {
    private struct State: ~Copyable {
        var buffer: [Element] = []
        var finished = false
        var stopped = false
        var producer: CheckedContinuation<Void, Never>?
        var consumer: CheckedContinuation<Void, Never>?
    }

    private enum SendOutcome {
        case sent, full, stopped
    }

    /// Elements queued at most.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues `element`, waiting while the queue is full; `false` if the consumer has stopped
    /// (the element is then dropped and the producer should end).
    func send(_ element: Element) async -> Bool {
        while true {
            let (outcome, wake) = state.withLock { state -> (SendOutcome, CheckedContinuation<Void, Never>?) in
                if state.stopped { return (.stopped, nil) }
                guard state.buffer.count < capacity else { return (.full, nil) }
                state.buffer.append(element)
                defer { state.consumer = nil }
                return (.sent, state.consumer)
            }
            wake?.resume()
            switch outcome {
            case .sent: return true
            case .stopped: return false
            case .full:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let ready = state.withLock { state -> Bool in
                        if state.stopped || state.buffer.count < capacity { return true }
                        state.producer = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
        }
    }

    /// Tells the consumer that nothing more comes once the queue is drained.
    func finish() {
        let wake = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.consumer = nil }
            return state.consumer
        }
        wake?.resume()
    }

    /// Called by the consumer when it gives up: the producer's next `send` returns `false`.
    func stop() {
        let wake = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.stopped = true
            state.buffer.removeAll()
            defer { state.producer = nil }
            return state.producer
        }
        wake?.resume()
    }

    /// The next element, waiting for one; `nil` once the producer has finished and all are taken.
    func receive() async -> Element? {
        while true {
            let (element, done, wake) = state.withLock {
                state -> (Element?, Bool, CheckedContinuation<Void, Never>?) in
                guard !state.buffer.isEmpty else { return (nil, state.finished, nil) }
                let element = state.buffer.removeFirst()
                defer { state.producer = nil }
                return (element, false, state.producer)
            }
            wake?.resume()
            if let element { return element }
            if done { return nil }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if !state.buffer.isEmpty || state.finished { return true }
                    state.consumer = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }
}
