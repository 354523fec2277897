import Foundation
import Testing

/// Runs the project's Python (the venv made by `scripts/bootstrap.sh --test`) for interop checks.
enum PythonRunner {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var python: String? {
        if let p = ProcessInfo.processInfo.environment["BATCHYARD_PYTHON"], !p.isEmpty { return p }
        let p = packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: p) ? p : nil
    }

    static var fixturesSource: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Reads the files with pyarrow and DuckDB; returns `[path: ["pyarrow": rows, "duckdb": rows]]`.
    static func dump(_ paths: [String]) throws -> [String: Any] {
        guard let python else {
            Issue.record("Python with pyarrow and duckdb not found: run `scripts/bootstrap.sh --test` (or set BATCHYARD_PYTHON)")
            return [:]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [fixturesSource.appendingPathComponent("dump_parquet.py").path] + paths
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("dump_parquet.py failed: \(String(decoding: errData, as: UTF8.self))")
            return [:]
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
