import BatchyardTestSupport
import Foundation
import Testing

/// The project's Python (with pyarrow and DuckDB) for checking lake files: `BATCHYARD_PYTHON`, else
/// `<package root>/.venv/bin/python` as `scripts/bootstrap.sh --test` makes it.
enum TestPython {
    static var path: String? { ProjectPython.path }

    /// Runs `script` with `arguments`; returns its standard output (the test fails on a non-zero exit).
    static func run(_ script: String, _ arguments: [String] = []) throws -> String {
        guard ProjectPython.path != nil else {
            Issue.record(Comment(rawValue: ProjectPython.missingMessage))
            return ""
        }
        let result = try ProjectPython.run(["-c", script] + arguments)
        if result.status != 0 {
            Issue.record("python failed: \(String(decoding: result.errors, as: UTF8.self))")
        }
        return String(decoding: result.output, as: UTF8.self)
    }

    /// Every row of the Parquet files under `directory` (all parts, by name), as DuckDB reads them,
    /// one JSON object per line sorted by `orderBy`.
    static func duckDBRows(_ directory: String, orderBy: String) throws -> [String] {
        let script = """
            import duckdb, sys, json, glob
            files = sorted(glob.glob(sys.argv[1] + '/*.parquet'))
            if not files:
                sys.exit(0)
            con = duckdb.connect()
            rel = con.execute("SELECT * FROM read_parquet(?, union_by_name=true) ORDER BY " + sys.argv[2], [files])
            cols = [d[0] for d in rel.description]
            for row in rel.fetchall():
                print(json.dumps({c: v for c, v in zip(cols, row) if v is not None}, default=str, sort_keys=True))
            """
        return try run(script, [directory, orderBy]).split(separator: "\n").map(String.init)
    }
}
