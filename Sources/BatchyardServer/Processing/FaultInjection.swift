import Foundation

/// Test hooks for the crash-safety tests, read from the environment once.
///
/// `BATCHYARD_FAULT_PAUSE_AT=processing|publish` makes a worker stop at that point — after it
/// staged the first part of a batch (`processing`), or after it moved the parts into the lake but
/// before the metadata transaction that publishes them (`publish`) — write the marker file
/// `<data-dir>/fault-<point>` and sleep, so that a test can SIGKILL the process exactly there.
/// Unset in normal operation.
struct FaultInjection: Sendable {
    let pauseAt: String?
    let dataDirectory: String

    init(dataDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.pauseAt = environment["BATCHYARD_FAULT_PAUSE_AT"]
        self.dataDirectory = dataDirectory
    }

    /// Pauses forever (until killed) when `point` is the configured one.
    func checkpoint(_ point: String) async {
        guard pauseAt == point else { return }
        FileManager.default.createFile(atPath: dataDirectory + "/fault-" + point, contents: Data())
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
    }
}
