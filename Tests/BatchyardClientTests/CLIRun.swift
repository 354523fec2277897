import BatchyardCore
import Foundation

/// One run of the `batchyard` binary as a subprocess: its exit status and both outputs.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The standard output as JSON (for `--json` runs).
    var json: JSONValue { (try? JSONValue(parsing: stdout.trimmingCharacters(in: .whitespacesAndNewlines))) ?? .null }

    /// Runs `batchyard arguments…` with `environment` added (and `BATCHYARD_*` client variables of
    /// the test's own environment removed, so they cannot leak in).
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningServer.binaryPath)
        process.arguments = arguments
        var base = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BATCHYARD_") }
        base["HOME"] = directory ?? NSTemporaryDirectory()
        base["XDG_CONFIG_HOME"] = nil
        process.environment = base.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so neither fills up and blocks the child.
        let errorData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIRun(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errorData.get(), as: UTF8.self))
    }

    /// Runs against `server` (its URL given as `--url`).
    static func run(_ server: RunningServer, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIRun {
        try run(arguments + ["--url", server.baseURL], environment: environment)
    }
}

/// Data handed from a reading thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
