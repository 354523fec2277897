import Foundation

// Ingest benchmark: a large JSON Lines file of nested XDM-like records goes through a real
// `batchyard serve` process (COMPLETE → success) and, in the same run, through DuckDB's
// `COPY (SELECT * FROM read_json(…)) TO '….parquet'`. Prints MB/s, records/s and the server's
// peak RSS (VmHWM).
//
// Usage: IngestionBenchmark [pipeline] [--size-mb 1024] [--binary .build/release/batchyard] [--python .venv/bin/python]
//                           [--work-dir /tmp/batchyard-ingest-bench] [--schema xdm]
// `--schema xdm`: the dataset gets `BenchmarkSchema` (created through the server's Schema Registry),
// so every record is validated and the lake has the schema's nested columns; without it the
// dataset has no schema and the lake columns are inferred.

var arguments = CommandLine.arguments.dropFirst()
let pipelineOnly = arguments.first == "pipeline"
if pipelineOnly { arguments.removeFirst() }
var options: [String: String] = [:]
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else { fatalError("usage: see the header of main.swift") }
    options[String(name.dropFirst(2))] = value
}
let sizeMB = Int(options["size-mb"] ?? "1024") ?? 1024
let binary = options["binary"] ?? ".build/release/batchyard"
let python = options["python"] ?? ProcessInfo.processInfo.environment["BATCHYARD_PYTHON"] ?? ".venv/bin/python"
let work = options["work-dir"] ?? NSTemporaryDirectory() + "batchyard-ingest-bench"
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

if pipelineOnly {
    try await PipelineRun.run(
        sizeMB: sizeMB, work: work, filesMB: Int(options["files-mb"] ?? "200") ?? 200, keep: options["keep"] == "yes",
        withSchema: options["schema"] == "xdm", rowGroupMB: options["row-group-mb"].flatMap { Int($0) })
    exit(0)
}

let input = work + "/records-\(sizeMB)mb.jsonl"
let records = try BenchmarkData.generate(path: input, bytes: Int64(sizeMB) * 1_048_576)
let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.int64Value ?? 0
print("input: \(input), \(bytes) bytes, \(records) records")

// DuckDB in the same run.
let duckOutput = work + "/duckdb.parquet"
let duckCPUStart = BenchmarkShell.childrenCPUSeconds()
let duckStart = Date()
try BenchmarkShell.run(python, ["-c", """
    import duckdb, sys
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.execute(f"COPY (SELECT * FROM read_json('{sys.argv[1]}', maximum_object_size=16777216)) TO '{sys.argv[2]}' (FORMAT parquet, COMPRESSION zstd)")
    """, input, duckOutput])
let duckSeconds = Date().timeIntervalSince(duckStart)
let duckCPU = BenchmarkShell.childrenCPUSeconds() - duckCPUStart

// Batchyard: one batch, one file, COMPLETE → success.
let server = try BenchmarkServer(binary: binary, dataDirectory: work + "/data-\(UUID().uuidString)")
defer { server.stop() }
let withSchema = options["schema"] == "xdm"
let result = try server.ingest(file: input, withSchema: withSchema)
print(withSchema ? "dataset schema: BenchmarkSchema via the Schema Registry (every record validated, nested lake columns)"
                 : "dataset without a schema")
let mb = Double(bytes) / 1_048_576

func line(_ name: String, _ seconds: Double) -> String {
    String(format: "%@: %.2f s, %.1f MB/s, %.0f records/s", name, seconds, mb / seconds, Double(records) / seconds)
}
print(line("batchyard COMPLETE→success", result.seconds))
print(line("duckdb COPY read_json → parquet", duckSeconds))
print(String(format: "ratio batchyard/duckdb throughput: %.2f× (wall clock)", duckSeconds / result.seconds))
print(String(format: "CPU seconds: batchyard server %.2f, duckdb %.2f; ratio %.2f× (independent of other load)",
             result.cpuSeconds, duckCPU, duckCPU / result.cpuSeconds))
print("batchyard server peak RSS (VmHWM): \(result.peakRSSKiB / 1024) MiB; status \(result.status); lake bytes \(result.outputBytes)")
