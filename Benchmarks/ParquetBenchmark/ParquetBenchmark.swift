import Foundation
import Parquet

/// Writes and reads 1 000 000 XDM-like rows with ZSTD through our codec (row API and column API)
/// and through pyarrow on the same file, printing MB/s and rows/s.
/// Usage: ParquetBenchmark [rows] [python]   (python defaults to $BATCHYARD_PYTHON or ./.venv/bin/python)
@main
struct ParquetBenchmark {
    /// Wall-clock and process CPU seconds; CPU time keeps single-threaded figures fair on a busy machine.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    static func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Timing {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpu = cpuNow()
        try body()
        return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: cpuNow() - cpu)
    }

    static func main() throws {
        let args = CommandLine.arguments
        let rows = args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000
        let python = args.count > 2 ? args[2]
            : ProcessInfo.processInfo.environment["BATCHYARD_PYTHON"] ?? FileManager.default.currentDirectoryPath + "/.venv/bin/python"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rowFile = dir.appendingPathComponent("rows.parquet").path
        let columnFile = dir.appendingPathComponent("columns.parquet").path

        let schema = try BenchmarkData.schema()
        print("Generating \(rows) rows (\(schema.columns.count) leaf columns)…")
        var g = BenchmarkData.Generator(state: 2024)
        let data = (0..<rows).map { BenchmarkData.row($0, &g) }
        var options = ParquetWriterOptions()
        options.compression = .zstd

        let writeRows = try seconds {
            let w = try ParquetFileWriter(path: rowFile, schema: schema, options: options)
            for r in data { try w.write(row: r) }
            try w.close()
        }
        let reader = try ParquetFileReader(path: rowFile)
        var columns: [[ColumnBatch]] = []
        let readColumns = try seconds {
            for gi in 0..<reader.rowGroupCount {
                columns.append(try (0..<schema.columns.count).map { try reader.readColumn(rowGroup: gi, column: $0) })
            }
        }
        let writeColumns = try seconds {
            let w = try ParquetFileWriter(path: columnFile, schema: schema, options: options)
            for (gi, group) in columns.enumerated() {
                try w.write(columns: group, rowCount: Int(reader.rowCount(ofRowGroup: gi)))
            }
            try w.close()
        }
        columns = []
        var readCount = 0
        let readRows = try seconds {
            try reader.forEachRow { _ in readCount += 1 }
        }
        precondition(readCount == rows)

        let fileSize = (try FileManager.default.attributesOfItem(atPath: rowFile)[.size] as? Int) ?? 0
        let logical = Double(try logicalBytes(python: python, path: rowFile) ?? fileSize)
        print(String(format: "File: %.1f MB zstd, %.1f MB uncompressed data, %d row groups", Double(fileSize) / 1e6, logical / 1e6, reader.rowGroupCount))
        print("  (MB/s and rows/s use CPU time, except the threaded pyarrow read, which uses wall time)")
        func line(_ name: String, _ t: Timing, byWall: Bool = false) {
            let padded = name.padding(toLength: 38, withPad: " ", startingAt: 0)
            let basis = byWall ? t.wall : t.cpu
            print("  " + padded + String(format: " wall %7.3f s  cpu %7.3f s  %8.1f MB/s  %10.0f rows/s",
                                         t.wall, t.cpu, logical / basis / 1e6, Double(rows) / basis))
        }
        func timing(_ v: Any?) -> Timing {
            let a = v as? [Double] ?? [0, 0]
            return Timing(wall: a[0], cpu: a[1])
        }
        print("Ours:")
        line("write, row API (ParquetValue)", writeRows)
        line("write, column API", writeColumns)
        line("read, row API (ParquetValue)", readRows)
        line("read, column API", readColumns)
        if let py = try pyarrow(python: python, path: rowFile) {
            let pySize = Double(py["size"] as? Int ?? 0) / 1e6
            print("pyarrow \(py["version"] as? String ?? "?") on the same data (its zstd file: \(String(format: "%.1f", pySize)) MB):")
            line("write (single-threaded)", timing(py["write"]))
            line("read, use_threads=False", timing(py["read_single"]))
            line("read, use_threads=True", timing(py["read_threaded"]), byWall: true)
            line("read to Python objects (to_pylist)", timing(py["to_pylist"]))
        }
    }

    static let script = """
    import json, sys, time
    import pyarrow as pa, pyarrow.parquet as pq
    path, out = sys.argv[1], sys.argv[2]
    meta = pq.ParquetFile(path).metadata
    if out == "size":
        total = sum(meta.row_group(g).column(c).total_uncompressed_size
                    for g in range(meta.num_row_groups) for c in range(meta.num_columns))
        print(json.dumps({"logical": total})); sys.exit(0)
    table = pq.read_table(path)
    def best(f, n=3, by=1):
        t = []
        for _ in range(n):
            s, c = time.perf_counter(), time.process_time(); f()
            t.append([time.perf_counter() - s, time.process_time() - c])
        return min(t, key=lambda x: x[by])
    r = {"version": pa.__version__}
    r["write"] = best(lambda: pq.write_table(table, out, compression="zstd"))
    r["size"] = __import__("os").path.getsize(out)
    r["read_single"] = best(lambda: pq.read_table(path, use_threads=False))
    r["read_threaded"] = best(lambda: pq.read_table(path, use_threads=True), by=0)
    r["to_pylist"] = best(lambda: pq.read_table(path, use_threads=False).to_pylist(), 1)
    print(json.dumps(r))
    """

    static func runPython(_ python: String, _ args: [String]) throws -> [String: Any]? {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("(pyarrow comparison skipped: \(python) not found; run scripts/bootstrap.sh --test)")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return try JSONSerialization.jsonObject(with: out) as? [String: Any]
    }

    static func logicalBytes(python: String, path: String) throws -> Int? {
        try runPython(python, [path, "size"])?["logical"] as? Int
    }

    static func pyarrow(python: String, path: String) throws -> [String: Any]? {
        try runPython(python, [path, path + ".pyarrow.parquet"])
    }
}
