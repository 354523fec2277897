import BatchyardCore

/// One rejected row, as written to the batch's row-error diagnostics
/// (`meta?path=row_errors/parsing_errors_N.json` or `conversion_errors_N.json`, one JSON object
/// per line).
///
/// AEP's fields are kept (`_corrupt_record`, `_errors` with `code` and `message`, `_filename`);
/// Batchyard adds where the row was (`_line`) and, per error, the field (`path`) and the specific
/// `reason`, because a person fixing the file needs both.
public struct RowError: Sendable, Hashable {
    /// Which diagnostics file the row goes to.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// The bytes could not be read as a record.
        case parsing
        /// The record was read but does not fit the schema.
        case conversion

        /// The name of the `index`th diagnostics file of this stage, e.g. `parsing_errors_0.json`.
        public func fileName(index: Int) -> String { "\(rawValue)_errors_\(index).json" }
    }

    /// One problem with the row.
    public struct Issue: Sendable, Hashable {
        /// What kind of problem.
        public var code: RowErrorCode
        /// The field it concerns, as a JSON Pointer (`/person/name`), when there is one.
        public var fieldPath: String?
        /// What exactly is wrong, in words a person can act on.
        public var reason: String

        public init(code: RowErrorCode, fieldPath: String? = nil, reason: String) {
            self.code = code
            self.fieldPath = fieldPath
            self.reason = reason
        }

        /// The `_errors` element: AEP's `code` and `message`, plus `path` and `reason`.
        public var jsonValue: JSONValue {
            var object: [String: JSONValue] = [
                "code": .string(code.rawValue), "message": .string(code.rowMessage), "reason": .string(reason),
            ]
            if let fieldPath { object["path"] = .string(fieldPath) }
            return .object(object)
        }
    }

    /// Raw rows longer than this are cut in diagnostics, so one huge bad line cannot bloat them.
    public static let maxRawRecordLength = 64 * 1024

    /// Which diagnostics file the row goes to.
    public var stage: Stage
    /// The uploaded file the row came from (its path within the batch).
    public var file: String
    /// The 1-based line on which the row starts (for CSV, the header is line 1).
    public var line: Int
    /// The row as it was in the file (cut at ``maxRawRecordLength`` characters).
    public var rawRecord: String
    /// What is wrong with it; never empty.
    public var issues: [Issue]

    public init(stage: Stage, file: String, line: Int, rawRecord: String, issues: [Issue]) {
        self.stage = stage
        self.file = file
        self.line = line
        self.rawRecord =
            rawRecord.utf8.count > Self.maxRawRecordLength
            ? String(decoding: rawRecord.utf8.prefix(Self.maxRawRecordLength), as: UTF8.self) + "…" : rawRecord
        self.issues = issues
    }

    /// A row that could not be parsed: code 1401 with the parser's reason.
    public static func corrupt(file: String, line: Int, rawRecord: String, reason: String) -> RowError {
        RowError(
            stage: .parsing, file: file, line: line, rawRecord: rawRecord,
            issues: [Issue(code: .corruptRow, reason: reason)])
    }

    /// The code under which the row is counted in the batch summary: its first issue's.
    public var primaryCode: RowErrorCode { issues.first?.code ?? .corruptRow }

    /// The line written to the diagnostics file.
    public var jsonValue: JSONValue {
        [
            "_corrupt_record": .string(rawRecord),
            "_errors": .array(issues.map(\.jsonValue)),
            "_filename": .string(file),
            "_line": .int(Int64(line)),
        ]
    }
}
