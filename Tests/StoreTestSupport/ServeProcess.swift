import Foundation

/// A `batchyard serve` process on a free loopback port (`--port 0`), on the test database switch,
/// for the end-to-end tests of the server and of the CLI.
public final class ServeProcess: @unchecked Sendable {
    public let process = Process()
    public let port: Int
    public let dataDirectory: String
    /// What the server printed until it said where it listens.
    public let startupLog: String

    /// Starts the server and waits (up to 30 s) for its "listening on" line.
    public init(dataDirectory: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.dataDirectory = dataDirectory
        process.executableURL = URL(fileURLWithPath: BatchyardBinary.path)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory] + arguments
            + TestMetadataDatabase.serveArguments(dataDirectory: dataDirectory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // The one start-up line says where it listens: "... listening on http://127.0.0.1:PORT ...".
        var collected = ""
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil, Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            collected += String(decoding: data, as: UTF8.self)
            if let range = collected.range(of: "listening on http://127.0.0.1:") {
                found = Int(collected[range.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let found else {
            process.terminate()
            throw ServeProcessError(description: "server did not report its port: \(collected)")
        }
        port = found
        startupLog = collected
        // Keep draining its output so the server never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Sends SIGTERM and waits; returns the exit status.
    @discardableResult
    public func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Sends SIGKILL and waits.
    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// The server process did not start.
public struct ServeProcessError: Error, CustomStringConvertible {
    public let description: String
}
