import Testing
@testable import BatchyardClient

@Suite("Progress: formatting, rate, ETA, terminal bar vs plain lines")
struct TransferProgressTests {
    @Test("byte counts and durations read like a person would write them")
    func units() {
        #expect(TransferProgress.bytes(0) == "0 B")
        #expect(TransferProgress.bytes(1023) == "1023 B")
        #expect(TransferProgress.bytes(1536) == "1.5 KiB")
        #expect(TransferProgress.bytes(12 << 20) == "12.0 MiB")
        #expect(TransferProgress.bytes(1_100_000_000) == "1.02 GiB")
        #expect(TransferProgress.duration(0) == "0s")
        #expect(TransferProgress.duration(41.2) == "42s")
        #expect(TransferProgress.duration(185) == "3m05s")
        #expect(TransferProgress.duration(3720) == "1h02m")
        #expect(TransferProgress.elapsed(0.04) == "0.0s")
        #expect(TransferProgress.elapsed(4.26) == "4.3s")
        #expect(TransferProgress.elapsed(12) == "12s")
    }

    @Test("rate counts only this run's bytes; ETA is what is left at that rate")
    func rateAndETA() {
        var progress = TransferProgress(label: "big.json", total: 24 << 20, initial: 4 << 20, started: 100)
        #expect(progress.rate(now: 100) == nil)
        #expect(progress.eta(now: 100) == nil)
        progress.done += 8 << 20
        #expect(progress.rate(now: 102) == Double(4 << 20))
        #expect(progress.eta(now: 102) == 3)
        #expect(progress.fraction == 0.5)
        var unknown = TransferProgress(label: "x", total: nil, started: 0)
        unknown.done = 10
        #expect(unknown.eta(now: 1) == nil && unknown.fraction == nil)
    }

    @Test("the terminal line has a bar, bytes, percent, rate and ETA, and fits the width")
    func terminalLine() {
        var progress = TransferProgress(label: "big.json", total: 24 << 20, started: 0)
        progress.done = 12 << 20
        let line = progress.terminalLine(now: 3, width: 100)
        #expect(line == "big.json [====================>                   ]  12.0 MiB / 24.0 MiB  50%  4.0 MiB/s  ETA 3s")
        #expect(line.count <= 100)
        let narrow = progress.terminalLine(now: 3, width: 60)
        #expect(narrow.count <= 60)
        #expect(narrow.contains("ETA 3s") && narrow.contains("4.0 MiB/s"))
        let tiny = progress.terminalLine(now: 3, width: 30)
        #expect(!tiny.contains("[") && tiny.count <= 30)
        #expect(TransferProgress(label: "a", total: 10, started: 0).terminalLine(now: 0, width: 80).contains("--/s  ETA --"))
    }

    @Test("plain lines and the summary carry the same facts without control characters")
    func plainLines() {
        var progress = TransferProgress(label: "big.json", total: 24 << 20, initial: 4 << 20, started: 0)
        progress.done = 12 << 20
        #expect(progress.plainLine(now: 2) == "big.json: 12.0 MiB of 24.0 MiB (50%), 4.0 MiB/s, ETA 3s")
        progress.done = 24 << 20
        #expect(progress.summaryLine(now: 5, verb: "uploaded")
            == "big.json: 20.0 MiB uploaded in 5.0s (4.0 MiB/s), 4.0 MiB were already there")
    }
}

@Suite("ProgressReporter: how often and where it draws")
struct ProgressReporterTests {
    final class Sink: @unchecked Sendable {
        var text = ""
        var now = 0.0
    }

    @Test("terminal: redrawn in place with \\r and clear-to-end, at most ten times a second")
    func terminal() {
        let sink = Sink()
        let reporter = ProgressReporter(
            label: "f", total: 1000, style: .terminal(width: 80), verb: "uploaded", clock: { sink.now }, write: { sink.text += $0 })
        for step in 1...10 {
            sink.now = Double(step) * 0.01
            reporter.add(10)
        }
        #expect(sink.text.components(separatedBy: "\r").count - 1 == 1)
        sink.now = 0.5
        reporter.add(400)
        #expect(sink.text.components(separatedBy: "\r").count - 1 == 2)
        #expect(sink.text.contains("\u{1B}[K") && !sink.text.contains("\n"))
        sink.now = 1
        reporter.add(500)
        reporter.finish()
        #expect(sink.text.hasSuffix("\nf: 1000 B uploaded in 1.0s (1000 B/s)\n"))
        #expect(sink.text.contains("100%"))
    }

    @Test("plain: one line per interval, no control characters; silent writes nothing")
    func plainAndSilent() {
        let sink = Sink()
        let reporter = ProgressReporter(
            label: "f", total: 1000, style: .plain, verb: "downloaded", clock: { sink.now }, write: { sink.text += $0 })
        for step in 1...24 {
            sink.now = Double(step) * 0.125
            reporter.add(40)
        }
        reporter.finish()
        let lines = sink.text.split(separator: "\n")
        #expect(lines == [
            "f: 360 B of 1000 B (36%), 320 B/s, ETA 2s", "f: 680 B of 1000 B (68%), 320 B/s, ETA 1s",
            "f: 960 B downloaded in 3.0s (320 B/s)",
        ])
        #expect(!sink.text.contains("\r") && !sink.text.contains("\u{1B}"))

        let quiet = Sink()
        let silent = ProgressReporter(label: "f", total: 1, style: .silent, verb: "x", clock: { 0 }, write: { quiet.text += $0 })
        silent.add(1)
        silent.finish()
        #expect(quiet.text.isEmpty)
    }
}
