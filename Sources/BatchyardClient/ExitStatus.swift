/// The exit statuses of the client commands, so scripts can tell outcomes apart without parsing
/// text.
public enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    /// Everything worked (an ingested batch ended `success`).
    case success = 0
    /// The batch ended unsuccessfully (`failed`, `aborted`, `abandoned`, `stalled`…).
    case batchFailed = 1
    /// The command line was wrong (unknown flag, missing argument, bad value, missing file).
    case usage = 2
    /// The server refused a request (an HTTP error status).
    case serverError = 3
    /// The server could not be reached or the connection broke mid-way.
    case unreachable = 4
}
