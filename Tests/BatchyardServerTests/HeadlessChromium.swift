import Foundation

/// Debian's `chromium` in headless mode, for the console tests: renders a page with its scripts
/// and API calls, then dumps the DOM or takes a screenshot.
///
/// A missing browser fails the test with a message saying how to install it; the tests never skip.
struct HeadlessChromium {
    /// The browser: `BATCHYARD_CHROMIUM`, else `chromium` or `chromium-browser` on the usual paths.
    let path: String
    /// How long the page may run (virtual time: fetches pause it, so API calls finish first).
    var budgetMillis = 15_000
    /// Wall-clock limit of one browser run.
    var timeout: TimeInterval = 90

    static let missingMessage =
        "chromium not found: run `scripts/bootstrap.sh --test` (or `apt-get install -y chromium`), or set BATCHYARD_CHROMIUM"

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["BATCHYARD_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
        guard let found = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ChromiumError(message: Self.missingMessage)
        }
        path = found
    }

    /// The page's DOM after its scripts ran, serialized as HTML.
    func dumpDOM(_ url: String) throws -> String {
        try run(["--dump-dom", url])
    }

    /// Saves a PNG of the page (`width`×`height` CSS pixels) at `file`.
    func screenshot(_ url: String, to file: String, width: Int = 1280, height: Int = 1000) throws {
        try? FileManager.default.removeItem(atPath: file)
        _ = try run(["--screenshot=\(file)", "--window-size=\(width),\(height)", "--hide-scrollbars", url])
        guard FileManager.default.fileExists(atPath: file) else {
            throw ChromiumError(message: "chromium wrote no screenshot at \(file)")
        }
    }

    /// Runs the browser once with a fresh profile (so no settings carry over); returns its stdout.
    private func run(_ arguments: [String]) throws -> String {
        let scratch = NSTemporaryDirectory() + "batchyard-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let stdout = scratch + "/stdout", stderr = scratch + "/stderr"
        FileManager.default.createFile(atPath: stdout, contents: nil)
        FileManager.default.createFile(atPath: stderr, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--user-data-dir=\(scratch)/profile",
            "--virtual-time-budget=\(budgetMillis)",
        ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = scratch
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw ChromiumError(message: "chromium did not finish within \(Int(timeout)) s: \(arguments.joined(separator: " "))")
        }
        let output = (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
            throw ChromiumError(message: "chromium exited with \(process.terminationStatus): \(errors.suffix(2000))")
        }
        return output
    }
}

struct ChromiumError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
