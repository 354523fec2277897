import Foundation
import StoreTestSupport

/// The server tests' name for a `batchyard serve` process (``ServeProcess``), with curl.
typealias ServerProcess = ServeProcess

extension ServeProcess {
    /// The built `batchyard` binary.
    static var binaryPath: String { BatchyardBinary.path }

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
}

/// A failure of the server tests' own plumbing (an answer the fixture cannot use).
struct ServerProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
