import BatchyardCore
import Ingestion
import XDMValidation

/// Validates one read item and routes it to the writer or the diagnostics.
struct RecordHandler {
    let validator: RecordValidator?
    let writer: StagingWriter
    let diagnostics: DiagnosticsWriter
    let diagnosticsEnabled: Bool

    /// Reused for records that arrive as `JSONValue` (CSV, multi-line JSON, Parquet): each is put
    /// on this tape and handled like a JSON Lines record, so validation and writing have one path.
    var scratch = JSONTape()

    mutating func handle(_ item: ReadItem, file: String, report: inout BatchIngestionReport) throws {
        switch item {
        case .rowError(let error):
            try reject(error, report: &report)
        case .record(let source):
            if validator == nil, source.value.objectValue == nil {
                try reject(
                    RowError(
                        stage: .conversion, file: file, line: source.line, rawRecord: source.value.serialized(),
                        issues: [.init(code: .corruptRow, reason: "A record must be a JSON object.")]),
                    report: &report)
                return
            }
            var tape = JSONTape()
            swap(&tape, &scratch)
            defer { swap(&tape, &scratch) }
            tape.removeAll()
            let root = tape.append(source.value)
            try handle(.record(root: root, line: source.line), tape: &tape, file: file, report: &report)
        }
    }

    /// `handle` for a record read onto a tape (always an object), which is validated in place
    /// unless `validation` holds the outcome of validating it already (see ``TapeChunk``).
    mutating func handle(
        _ item: TapeReadItem, tape: inout JSONTape, validation: [ValidationError]? = nil, file: String,
        report: inout BatchIngestionReport
    ) throws {
        switch item {
        case .rowError(let error):
            try reject(error, report: &report)
        case .record(let root, let line):
            if let validator {
                let errors = validation ?? validator.validate(&tape, at: root)
                guard errors.isEmpty else {
                    // A refused record is left as parsed, so its text is the record as read.
                    try reject(
                        RowError(
                            stage: .conversion, file: file, line: line, rawRecord: tape.serialized(at: root),
                            issues: Self.issues(errors)),
                        report: &report)
                    return
                }
            }
            try writer.write(tape, at: root)
            report.rows.recordAccepted()
        }
    }

    private static func issues(_ errors: [ValidationError]) -> [RowError.Issue] {
        errors.map { error in
            RowError.Issue(
                code: RowErrorCode(rawValue: error.family.rawValue),
                fieldPath: error.path.isEmpty ? nil : error.path, reason: error.description)
        }
    }

    private func reject(_ error: RowError, report: inout BatchIngestionReport) throws {
        report.rows.recordRejected(error)
        if diagnosticsEnabled { try diagnostics.append(error) }
    }
}
