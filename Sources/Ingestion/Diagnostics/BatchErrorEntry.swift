import BatchyardCore

/// One element of a batch's `errors` array in Catalog.
///
/// AEP writes `code` and `description`, `rows` for file-level failures and `recordCount` for
/// per-type counts when error diagnostics are on. `file` is Batchyard's addition for file-level
/// failures, so that a person knows which upload to fix.
public struct BatchErrorEntry: Sendable, Hashable {
    /// AEP's code: `INGEST-1212-400`, `106`, `TypeCompatibilityException`, …
    public var code: String
    /// What happened, in AEP's words where AEP has them.
    public var description: String
    /// Rows concerned (`"3"` or ranges `"3-5"`); AEP writes `[]` on file-level failures.
    public var rows: [String]?
    /// How many rows failed with this code (per-code entries only).
    public var recordCount: Int?
    /// The uploaded file a file-level failure concerns (Batchyard's addition).
    public var file: String?

    public init(code: String, description: String, rows: [String]? = nil, recordCount: Int? = nil, file: String? = nil) {
        self.code = code
        self.description = description
        self.rows = rows
        self.recordCount = recordCount
        self.file = file
    }

    /// The entry as it appears in the batch document.
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["code": .string(code), "description": .string(description)]
        if let rows { object["rows"] = .array(rows.map(JSONValue.string)) }
        if let recordCount { object["recordCount"] = .int(Int64(recordCount)) }
        if let file { object["file"] = .string(file) }
        return .object(object)
    }
}
