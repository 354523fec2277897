import Foundation

/// The project's Python with pyarrow and DuckDB, the independent reader and writer of Parquet that
/// tests check against: `BATCHYARD_PYTHON`, else `<package root>/.venv/bin/python` as
/// `scripts/bootstrap.sh --test` makes it.
public enum ProjectPython {
    /// What to tell a developer when it is missing (tests fail with this rather than skip).
    public static let missingMessage =
        "Python with pyarrow and duckdb not found: run `scripts/bootstrap.sh --test` (or set BATCHYARD_PYTHON)"

    /// The package root (this file is `Tests/BatchyardTestSupport/ProjectPython.swift`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The interpreter, or `nil` when there is none.
    public static var path: String? {
        if let path = ProcessInfo.processInfo.environment["BATCHYARD_PYTHON"], !path.isEmpty { return path }
        let path = packageRoot.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs the interpreter with `arguments`; returns its exit status, standard output and error.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: Data) {
        guard let path else { throw MissingPython() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, errors)
    }

    /// Thrown by `run` when no interpreter was found.
    public struct MissingPython: Error, CustomStringConvertible {
        public var description: String { ProjectPython.missingMessage }
    }
}
