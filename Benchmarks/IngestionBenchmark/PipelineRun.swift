import BatchyardCore
import BlobStore
import Foundation
import Ingestion
import IngestionPipeline

/// The processing step alone, in this process: the batch's files go through `BatchProcessor` on a
/// `LocalBlobStore`, without HTTP, SQLite or the worker around it. Builds without the server stack,
/// so that changes to parsing and writing can be measured (and profiled) quickly.
///
/// Usage: IngestionBenchmark pipeline [--size-mb 1024] [--work-dir …] [--files-mb 200] [--keep yes] [--schema xdm]
///                                    [--row-group-mb 32]
/// (`--schema xdm`: validate against `BenchmarkSchema` and write its nested lake schema).
enum PipelineRun {
    static func run(
        sizeMB: Int, work: String, filesMB: Int, keep: Bool = false, withSchema: Bool = false, rowGroupMB: Int? = nil
    ) async throws {
        let input = work + "/records-\(sizeMB)mb.jsonl"
        let records = try BenchmarkData.generate(path: input, bytes: Int64(sizeMB) * 1_048_576)
        let bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.int64Value ?? 0
        let root = work + "/pipeline-\(UUID().uuidString)"
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        let blobs = try LocalBlobStore(root: root)
        let keys = BlobKeys(tenant: Tenant(org: "BENCH@AdobeOrg", sandbox: "prod"), batchID: "01BENCH", datasetID: "ds")
        let uploads = blobs.localPath(for: keys.uploadsPrefix + "x")!.dropLast(2)
        try FileManager.default.createDirectory(atPath: String(uploads), withIntermediateDirectories: true)
        // The same split as the server benchmark's uploads: whole lines, files of at most `filesMB`.
        try BenchmarkShell.run("/usr/bin/split", ["-C", "\(filesMB)m", "-d", "-a", "3", input, uploads + "/records-"])
        let files = try FileManager.default.contentsOfDirectory(atPath: String(uploads)).sorted()
        let request = BatchProcessingRequest(
            keys: keys, attempt: 1, files: files, inputFormat: InputFormat(format: .json),
            validator: withSchema ? try BenchmarkSchema.validator() : nil,
            policy: PartialIngestionPolicy(), diagnosticsEnabled: false)
        let cpuStart = BenchmarkShell.processCPUSeconds()
        let start = Date()
        var options = ProcessingOptions()
        if let rowGroupMB { options.rowGroupTargetBytes = rowGroupMB << 20 }
        let outcome = try await BatchProcessor(blobs: blobs, options: options).process(request)
        let seconds = Date().timeIntervalSince(start)
        let cpu = BenchmarkShell.processCPUSeconds() - cpuStart
        let mb = Double(bytes) / 1_048_576
        print("input: \(input), \(bytes) bytes, \(records) records in \(files.count) files")
        print(String(format: "pipeline: %.2f s wall, %.2f s CPU, %.1f MB/s, %.0f records/s", seconds, cpu, mb / seconds,
                     Double(records) / seconds))
        print(withSchema ? "dataset schema: BenchmarkSchema (validated, nested lake columns)" : "dataset without a schema")
        print("decision \(outcome.verdict.decision), parts \(outcome.parts.count), rows \(outcome.report.rows.outputRecords), "
              + "lake bytes \(outcome.report.outputByteSize), peak RSS \(peakRSSKiB() / 1024) MiB")
        if keep { print("staged parts kept: " + outcome.parts.compactMap { blobs.localPath(for: $0.key) }.joined(separator: " ")) }
    }

    static func peakRSSKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return Int(line?.split(separator: " ").dropFirst().first.map(String.init) ?? "") ?? 0
    }
}
