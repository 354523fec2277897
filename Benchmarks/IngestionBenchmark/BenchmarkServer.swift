import Foundation

/// A `batchyard serve` process driven with curl; the file is uploaded with PUT before the clock
/// starts, so that only processing (COMPLETE → success) is timed.
final class BenchmarkServer {
    let process = Process()
    let dataDirectory: String
    var port = 0
    let org = "BENCH0000BENCH0000BENCH00@AdobeOrg"

    init(binary: String, dataDirectory: String) throws {
        self.dataDirectory = dataDirectory
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory, "--workers", "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        var text = ""
        while port == 0 {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { throw BenchmarkFailure(message: "server exited: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
            }
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    private func curl(_ arguments: [String]) throws -> String {
        try BenchmarkShell.run("/usr/bin/curl", ["-s", "-H", "Authorization: Bearer b", "-H", "x-api-key: bench",
                                                 "-H", "x-gw-ims-org-id: \(org)", "-H", "x-sandbox-name: prod"] + arguments)
    }

    struct Result {
        var seconds: Double
        var peakRSSKiB: Int
        var status: String
        var cpuSeconds: Double
        var outputBytes: Int64
    }

    func ingest(file: String) throws -> Result {
        let base = "http://127.0.0.1:\(port)/data/foundation"
        let dataset = try curl(["-X", "POST", base + "/catalog/dataSets", "-H", "Content-Type: application/json",
                                "-d", #"{"name": "bench"}"#])
        let datasetID = String(dataset.split(separator: "/").last?.prefix { $0 != "\"" } ?? "")
        let batch = try curl(["-X", "POST", base + "/import/batches", "-H", "Content-Type: application/json",
                              "-d", #"{"datasetId": "\#(datasetID)", "inputFormat": {"format": "json"}}"#])
        guard let range = batch.range(of: #""id":""#) ?? batch.range(of: #""id": ""#) else {
            throw BenchmarkFailure(message: "no batch id in \(batch)")
        }
        let batchID = String(batch[range.upperBound...].prefix { $0 != "\"" })
        // Small-file PUTs take at most 256 MB: split at line boundaries into 200 MB files.
        let parts = dataDirectory + "-parts"
        try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
        try BenchmarkShell.run("/usr/bin/split", ["-C", "200m", "-d", "-a", "3", file, parts + "/records-"])
        for name in try FileManager.default.contentsOfDirectory(atPath: parts).sorted() {
            _ = try curl([
                "-X", "PUT", base + "/import/batches/\(batchID)/datasets/\(datasetID)/files/\(name).jsonl",
                "-H", "Content-Type: application/octet-stream", "-T", parts + "/" + name,
            ])
        }
        try? FileManager.default.removeItem(atPath: parts)
        let cpuStart = BenchmarkShell.cpuSeconds(pid: process.processIdentifier)
        let start = Date()
        _ = try curl(["-X", "POST", base + "/import/batches/\(batchID)?action=COMPLETE"])
        var status = ""
        var body = ""
        while true {
            body = try curl([base + "/catalog/batches/\(batchID)"])
            if let r = body.range(of: #""status":""#) ?? body.range(of: #""status": ""#) {
                status = String(body[r.upperBound...].prefix { $0 != "\"" })
            }
            if ["success", "failed", "stalled"].contains(status) { break }
            usleep(20_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let cpu = BenchmarkShell.cpuSeconds(pid: process.processIdentifier) - cpuStart
        var outputBytes: Int64 = 0
        if let r = body.range(of: #""outputByteSize":"#) {
            outputBytes = Int64(body[r.upperBound...].prefix { $0.isNumber || $0 == " " }.trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let statusFile = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let hwm = statusFile.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kib = Int(hwm?.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "") ?? 0
        return Result(seconds: seconds, peakRSSKiB: kib, status: status, cpuSeconds: cpu, outputBytes: outputBytes)
    }
}
