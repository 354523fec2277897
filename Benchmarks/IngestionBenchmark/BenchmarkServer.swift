import Foundation

/// A `batchyard serve` process driven with curl; the file is uploaded with PUT before the clock
/// starts, so that only processing (COMPLETE → success) is timed.
final class BenchmarkServer {
    let process = Process()
    let dataDirectory: String
    var port = 0
    /// Its tenant id is `acme`, the namespace of the generated records' custom fields.
    let org = "ACME@AdobeOrg"

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

    /// Creates `BenchmarkSchema` in the server's registry (the tenant field group, then the schema
    /// using it) and returns the `schemaRef` a dataset needs.
    func createSchema(base: String) throws -> String {
        let registry = base + "/schemaregistry/tenant"
        var fieldGroup = try JSONSerialization.jsonObject(with: Data(BenchmarkSchema.tenantFieldGroup.utf8)) as! [String: Any]
        fieldGroup["title"] = "Loyalty (ingest benchmark)"
        fieldGroup["meta:intendedToExtend"] = ["https://ns.adobe.com/xdm/context/experienceevent"]
        let storedGroup = try curl(["-X", "POST", registry + "/fieldgroups", "-H", "Content-Type: application/json",
                                    "-d", String(decoding: try JSONSerialization.data(withJSONObject: fieldGroup), as: UTF8.self)])
        guard let groupID = (try? JSONSerialization.jsonObject(with: Data(storedGroup.utf8)) as? [String: Any])?["$id"] as? String else {
            throw BenchmarkFailure(message: "field group not created: \(storedGroup)")
        }
        var schema = try JSONSerialization.jsonObject(with: Data(BenchmarkSchema.schema.utf8)) as! [String: Any]
        schema["title"] = "Ingest benchmark events"
        schema["allOf"] = (schema["allOf"] as! [[String: String]]).map {
            $0["$ref"] == BenchmarkSchema.tenantFieldGroupID ? ["$ref": groupID] : $0
        }
        let storedSchema = try curl(["-X", "POST", registry + "/schemas", "-H", "Content-Type: application/json",
                                     "-d", String(decoding: try JSONSerialization.data(withJSONObject: schema), as: UTF8.self)])
        guard let schemaID = (try? JSONSerialization.jsonObject(with: Data(storedSchema.utf8)) as? [String: Any])?["$id"] as? String else {
            throw BenchmarkFailure(message: "schema not created: \(storedSchema)")
        }
        return #"{"id": "\#(schemaID)", "contentType": "application/vnd.adobe.xed+json;version=1"}"#
    }

    /// Uploads `file` into a new batch of a new dataset (with `BenchmarkSchema` when `withSchema`)
    /// and times COMPLETE → a final status.
    func ingest(file: String, withSchema: Bool = false) throws -> Result {
        let base = "http://127.0.0.1:\(port)/data/foundation"
        let schemaRef = withSchema ? #", "schemaRef": \#(try createSchema(base: base))"# : ""
        let dataset = try curl(["-X", "POST", base + "/catalog/dataSets", "-H", "Content-Type: application/json",
                                "-d", #"{"name": "bench"\#(schemaRef)}"#])
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
        if status != "success" { print("batch \(batchID) ended \(status): \(body.prefix(2000))") }
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
