import BatchyardCore

/// Polls a batch until its status is final (`success`, `failed`, `aborted`, …), reporting each
/// change, so `ingest --wait` can say what happens and end with the outcome.
public struct BatchFollower: Sendable {
    /// The server.
    public let api: BatchyardAPI
    /// Time between polls.
    public var interval: Duration
    /// Give up after this long (`nil`: never).
    public var timeout: Duration?

    /// A follower polling every `interval`.
    public init(api: BatchyardAPI, interval: Duration = .milliseconds(500), timeout: Duration? = nil) {
        self.api = api
        self.interval = interval
        self.timeout = timeout
    }

    /// Polls until the batch is final and returns it; `onStatus` hears every new status.
    public func follow(batchID: String, onStatus: (String) -> Void) async throws(ClientError) -> JSONValue {
        let start = ContinuousClock.now
        var last = ""
        while true {
            let batch = try await api.batch(batchID)
            let status = batch["status"]?.stringValue ?? ""
            if status != last {
                onStatus(status)
                last = status
            }
            if let parsed = BatchStatus(wireValue: status), parsed.isFinal { return batch }
            if let timeout, ContinuousClock.now - start > timeout {
                throw ClientError(.transport, "Batch \(batchID) is still '\(status)' after \(timeout); stopped waiting.")
            }
            do {
                try await Task.sleep(for: interval)
            } catch {
                throw ClientError(.transport, "Stopped waiting for batch \(batchID).")
            }
        }
    }

    /// Whether a final status counts as success (exit 0): `success` (and AEP's `active`).
    public static func succeeded(_ status: String) -> Bool {
        BatchStatus(wireValue: status).map { $0 == .success || $0 == .active } ?? false
    }
}
