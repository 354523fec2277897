import HTTPTypes
import BatchyardTestSupport
import Foundation
import StoreTestSupport

/// A `batchyard serve` process on a free loopback port, for end-to-end tests over real HTTP.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let dataDirectory: String
    private let output: Pipe

    /// The built `batchyard` binary.
    static var binaryPath: String { BatchyardBinary.path }

    init(dataDirectory: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.dataDirectory = dataDirectory
        process.executableURL = URL(fileURLWithPath: Self.binaryPath)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory] + arguments
            + TestMetadataDatabase.serveArguments(dataDirectory: dataDirectory)
        output = Pipe()
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
                let digits = collected[range.upperBound...].prefix { $0.isNumber }
                found = Int(digits)
            }
        }
        guard let found else {
            process.terminate()
            throw ServerProcessError(message: "server did not report its port: \(collected)")
        }
        port = found
        self.startupLog = collected
    }

    private(set) var startupLog: String

    /// Sends SIGTERM and waits; returns the exit status.
    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs curl against the server; returns (status, body).
    func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-w", "\n%{http_code}"] + arguments
        let pipe = Pipe()
        curl.standardOutput = pipe
        try curl.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let status = Int(lines.last ?? "") ?? 0
        return (status, lines.dropLast().joined(separator: "\n"))
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }
}

struct ServerProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
