import BatchyardCore

/// Validates records against one XDM schema and converts them as AEP's ingestion does.
///
/// Build it once per dataset schema (patterns are compiled and lookups laid out then); `validate`
/// is then safe to call from any number of tasks at once.
///
/// The coerced record keeps the input's shape with these representations, so the lake writer can
/// map each field to one Parquet type without re-parsing:
/// - `date`: `.string("YYYY-MM-DD")` (a date-time string or epoch milliseconds become their UTC
///   day) → Parquet INT32/DATE;
/// - `date-time`: `.int(epoch milliseconds, UTC)` → INT64/TIMESTAMP_MILLIS;
/// - `integer`: `.int`; `number`: `.double`; `string`: `.string` (numbers converted to text);
/// - `null` members are kept as `null` (null and absent mean the same to the writer).
///
/// Records whose values already have the target types are returned as is, without copying.
public struct RecordValidator: Sendable {
    /// The compiled schema this validator enforces.
    public let schema: XDMObjectType
    /// Errors beyond this many per record are dropped, and validation of that record stops early.
    public let maxErrors: Int
    private let root: ValidatorNode

    /// Builds a validator for a compiled schema.
    public init(schema: XDMObjectType, maxErrors: Int = 100) throws(XDMSchemaError) {
        self.schema = schema
        self.maxErrors = max(1, maxErrors)
        root = try ValidatorNode(.object(schema), path: "")
    }

    /// Builds a validator from a resolved schema document (see `XDMSchemaResolver`).
    public init(resolvedSchema: JSONValue, maxErrors: Int = 100) throws(XDMSchemaError) {
        try self.init(schema: XDMSchemaCompiler.compile(resolvedSchema), maxErrors: maxErrors)
    }

    /// Validates and converts one record.
    public func validate(_ record: JSONValue) -> RecordValidation {
        var tape = JSONTape(record)
        var converted = false
        let errors = validate(&tape, at: 0, converted: &converted)
        if !errors.isEmpty { return .invalid(errors) }
        return .valid(converted ? tape.value(at: 0) : record)
    }

    /// Validates the record at `index` of `tape` and converts it in place; returns the errors
    /// (empty when valid, and the tape then holds the coerced record, with the representations
    /// listed above).
    ///
    /// This is what ingestion runs: records are parsed onto a reused tape, and checking them
    /// copies, retains and allocates nothing unless a value is converted to a string. After a
    /// failure the record may be partly converted.
    public func validate(_ tape: inout JSONTape, at index: Int) -> [ValidationError] {
        var converted = false
        return validate(&tape, at: index, converted: &converted)
    }

    private func validate(_ tape: inout JSONTape, at index: Int, converted: inout Bool) -> [ValidationError] {
        var sink = ErrorSink(limit: maxErrors)
        guard tape.kind(at: index) == .object else {
            sink.add(.record, expected: "object", found: ValidatorNode.kindName(tape.kind(at: index)))
            return sink.errors
        }
        _ = root.check(&tape, at: index, &sink, &converted)
        return sink.errors
    }

    /// Validates `record` and converts it in place; returns the errors (empty when valid, and
    /// `record` is then the coerced record, exactly as `validate(_:)` would return it).
    public func validateInPlace(_ record: inout JSONValue) -> [ValidationError] {
        switch validate(record) {
        case .valid(let coerced):
            record = coerced
            return []
        case .invalid(let errors):
            return errors
        }
    }

    /// The converted record, or the reasons it does not conform.
    public func coerce(_ record: JSONValue) throws(RecordValidationFailure) -> JSONValue {
        switch validate(record) {
        case .valid(let coerced): return coerced
        case .invalid(let errors): throw RecordValidationFailure(errors: errors)
        }
    }
}
