import Foundation
import StoreTestSupport

/// A `batchyard serve` process on a free loopback port and a fresh data directory, for the CLI's
/// end-to-end tests (the client target cannot see the server tests' helpers).
final class RunningServer: @unchecked Sendable {
    let server: ServeProcess
    var port: Int { server.port }
    var dataDirectory: String { server.dataDirectory }
    var baseURL: String { server.baseURL }

    /// The built `batchyard` binary.
    static var binaryPath: String { BatchyardBinary.path }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "batchyard-cli-\(name)-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    init(arguments: [String] = []) throws {
        server = try ServeProcess(dataDirectory: Self.temporaryDirectory("data"), arguments: arguments)
    }

    /// Stops the server (SIGTERM) and waits.
    func stop() { server.terminate() }

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
