import BatchyardCore

/// Decides which diagnostics file each rejected row goes to, and its bytes there.
///
/// Data Access lists a batch's row errors under `meta?path=row_errors` as
/// `parsing_errors_0.json`, `conversion_errors_0.json`, … (one JSON object per line). Files roll
/// over after ``maxRowsPerFile`` rows so that each stays small enough to download and page.
/// The caller appends ``Entry/line`` to the file at ``Entry/path``.
public struct RowErrorLog: Sendable, Hashable {
    /// The folder, under the batch's metadata, that holds the files.
    public static let folder = "row_errors"

    /// Rows per file before the next file is started.
    public let maxRowsPerFile: Int
    private var rowsWritten: [RowError.Stage: Int] = [:]

    public init(maxRowsPerFile: Int = 10_000) {
        self.maxRowsPerFile = max(1, maxRowsPerFile)
    }

    /// Where one row error goes and what to append there.
    public struct Entry: Sendable, Hashable {
        /// The path under the batch's metadata, e.g. `row_errors/parsing_errors_0.json`.
        public var path: String
        /// One JSON object and a line feed.
        public var line: [UInt8]
    }

    /// Places the next row error.
    public mutating func append(_ error: RowError) -> Entry {
        let written = rowsWritten[error.stage, default: 0]
        rowsWritten[error.stage] = written + 1
        var line = error.jsonValue.serializedBytes()
        line.append(0x0A)
        return Entry(path: "\(Self.folder)/\(error.stage.fileName(index: written / maxRowsPerFile))", line: line)
    }

    /// Every file written so far, in listing order (parsing before conversion, by number).
    public var paths: [String] {
        RowError.Stage.allCases.flatMap { stage -> [String] in
            let rows = rowsWritten[stage, default: 0]
            let files = (rows + maxRowsPerFile - 1) / maxRowsPerFile
            return (0..<files).map { "\(Self.folder)/\(stage.fileName(index: $0))" }
        }
    }
}
