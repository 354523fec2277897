#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The progress display in a real terminal: the binary runs inside a detached tmux session and the
/// test reads the pane, the way a person would see it.
@Suite("CLI progress in a real terminal (tmux) and in a pipe", .serialized)
struct CLITerminalTests {
    static let tmux = "/usr/bin/tmux"

    /// Runs tmux on a private socket; returns its standard output (capture-pane's).
    ///
    /// `new-session` forks the tmux server, which keeps the descriptors Foundation's `Process`
    /// watches to notice an exit, so `waitUntilExit` would wait for the server; that one call goes
    /// through `posix_spawn` and `waitpid` instead.
    @discardableResult
    static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let all = [tmux, "-L", socket] + arguments
        if arguments.first != "capture-pane" {
            var pid: pid_t = 0
            var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            for descriptor: Int32 in [0, 1, 2] {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            }
            guard posix_spawn(&pid, tmux, &actions, nil, &argv, environ) == 0 else {
                throw CLITestError("cannot start \(tmux)")
            }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = Array(all.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a terminal shows a bar redrawn in place with bytes, rate and ETA; a pipe gets plain lines")
    func progressDisplay() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.tmux) else {
            Issue.record("tmux is not installed at \(Self.tmux) (apt-get install tmux); the progress bar cannot be checked")
            return
        }
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try CLIEndToEndTests.createDataset(server)
        let path = try CLIEndToEndTests.write(CLIEndToEndTests.jsonLines(6000, padding: 150), "big.json", in: work)
        let arguments = ["ingest", path, "--dataset", dataset, "--url", server.baseURL, "--limit-rate", "200k", "--chunk-size", "256k"]

        let socket = "batchyard-test-\(UUID().uuidString.prefix(8))"
        let raw = work + "/pane.raw"
        // The client starts a second after the session, once pipe-pane records everything the
        // terminal receives; capture-pane shows what it displays.
        let command = "sleep 1; " + ([RunningServer.binaryPath] + arguments).map { "'\($0)'" }.joined(separator: " ")
            + "; echo EXIT=$?; sleep 120"
        try Self.tmux(socket, ["new-session", "-d", "-s", "cli", "-x", "160", "-y", "20", command])
        defer { _ = try? Self.tmux(socket, ["kill-server"]) }
        try Self.tmux(socket, ["pipe-pane", "-t", "cli", "cat >> '\(raw)'"])
        var midway: String?
        var final = ""
        var captures = 0
        let started = Date()
        while Date().timeIntervalSince(started) < 120 {
            try await Task.sleep(for: .milliseconds(150))
            let pane = try Self.tmux(socket, ["capture-pane", "-p", "-t", "cli"])
            captures += 1
            if midway == nil, pane.contains(" KiB/s  ETA "), !pane.contains("100%") { midway = pane }
            if pane.contains("EXIT=") {
                final = pane
                break
            }
        }
        let context = "\(captures) captures in \(Int(Date().timeIntervalSince(started)))s; last pane:\n\(final)"
        #expect(final.contains("EXIT=0"), "\(context)")
        // What the terminal received: the bar redrawn with \r many times, mid-upload ones with rate and ETA.
        let received = (try? String(contentsOfFile: raw, encoding: .utf8)) ?? ""
        let pattern = try Regex(#"big\.json \[=*>? *\]  \d+\.\d (KiB|MiB) / 1\.\d MiB  \d+%  \d+\.\d KiB/s  ETA \d+s"#)
        let redraws = received.components(separatedBy: "\r").filter { $0.firstMatch(of: pattern) != nil && !$0.contains("100%") }
        #expect(redraws.count >= 3, "\(context)\nraw: \(received.debugDescription)")
        #expect(received.contains("\u{1B}[K"), "each redraw clears the rest of the line")
        // What it displays: one bar line, redrawn in place, at 100% with the summary below.
        let bars = final.split(separator: "\n").filter { $0.hasPrefix("big.json [") }
        #expect(bars.count == 1 && bars[0].contains("[========================================]  1.1 MiB / 1.1 MiB  100%"), "\(context)")
        #expect(final.contains("big.json: 1.1 MiB uploaded in ") && !final.contains("[K"), "\(context)")
        if let midway {
            // Caught mid-upload (usual unless the machine is very busy): the bar as a person sees it.
            let bar = midway.split(separator: "\n").first { $0.hasPrefix("big.json [") } ?? ""
            #expect(bar.firstMatch(of: pattern) != nil, "\(midway)")
        }

        // The same upload into a pipe: plain lines, no carriage returns or escapes.
        let piped = try CLIRun.run(arguments)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("\u{1B}"))
        let progressLines = piped.stderr.split(separator: "\n").filter { $0.contains("%), ") }
        #expect(progressLines.count >= 2, "\(piped.stderr)")
        #expect(progressLines.allSatisfy { $0.hasPrefix("big.json: ") && $0.contains(" KiB/s, ETA ") }, "\(piped.stderr)")
    }
}
