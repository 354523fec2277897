import BatchyardTestSupport
import Foundation
import StoreTestSupport

/// A `batchyard serve` process on a free loopback port and a fresh data directory, for the CLI's
/// end-to-end tests (the client target cannot see the server tests' helpers).
final class RunningServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    let dataDirectory: String

    /// The built `batchyard` binary.
    static var binaryPath: String { BatchyardBinary.path }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "batchyard-cli-\(name)-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    init(arguments: [String] = []) throws {
        dataDirectory = Self.temporaryDirectory("data")
        process.executableURL = URL(fileURLWithPath: Self.binaryPath)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory] + arguments
            + TestMetadataDatabase.serveArguments(dataDirectory: dataDirectory)
        try process.run()
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
            throw CLITestError("server did not report its port: \(collected)")
        }
        port = found
        // Keep draining its output so the server never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Stops the server (SIGTERM) and waits.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// The gateway headers the CLI sends by default, for curl.
    static let headers = [
        "-H", "Authorization: Bearer dev-token", "-H", "x-api-key: batchyard-cli",
        "-H", "x-gw-ims-org-id: 4F3BB22C5631222A7F000101@AdobeOrg", "-H", "x-sandbox-name: prod",
    ]

    /// Fetches a URL path with curl and the default headers; returns the body bytes.
    func curl(_ path: String) throws -> Data {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sf"] + Self.headers + [baseURL + path]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try curl.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        guard curl.terminationStatus == 0 else { throw CLITestError("curl \(path) exited \(curl.terminationStatus)") }
        return data
    }
}

/// A failure of the test plumbing itself.
struct CLITestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
