import Foundation
import Testing

/// Runs the project's Python (the venv made by `scripts/bootstrap.sh --test`) for interop checks.
enum PythonRunner {
    static var python: String? { ProjectPython.path }

    static var fixturesSource: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Reads the files with pyarrow and DuckDB; returns `[path: ["pyarrow": rows, "duckdb": rows]]`.
    static func dump(_ paths: [String]) throws -> [String: Any] {
        guard python != nil else {
            Issue.record(Comment(rawValue: ProjectPython.missingMessage))
            return [:]
        }
        let result = try ProjectPython.run([fixturesSource.appendingPathComponent("dump_parquet.py").path] + paths)
        guard result.status == 0 else {
            Issue.record("dump_parquet.py failed: \(String(decoding: result.errors, as: UTF8.self))")
            return [:]
        }
        let data = result.output
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
