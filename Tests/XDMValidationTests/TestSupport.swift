import BatchyardCore
import Testing

@testable import XDMValidation

/// Parses JSON text written in a test; a typo in a fixture fails the test loudly.
func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
    do {
        return try JSONValue(parsing: text)
    } catch {
        Issue.record("bad JSON fixture: \(error)", sourceLocation: sourceLocation)
        return .null
    }
}

/// A validator for a schema given as JSON text (resolved with the built-ins).
func makeValidator(_ schemaText: String) throws -> RecordValidator {
    let resolved = try XDMSchemaResolver { _ in nil }.resolve(json(schemaText))
    return try RecordValidator(resolvedSchema: resolved)
}

/// A validator for a record with one optional field `f` of the given field schema.
func fieldValidator(_ fieldSchema: String) throws -> RecordValidator {
    try makeValidator(#"{"type": "object", "properties": {"f": \#(fieldSchema)}}"#)
}

/// The validation of `{"f": value}`.
func validateField(_ fieldSchema: String, _ value: JSONValue) throws -> RecordValidation {
    try fieldValidator(fieldSchema).validate(["f": value])
}

/// The single error of an invalid result, failing the test if there is not exactly one.
func singleError(_ result: RecordValidation, sourceLocation: SourceLocation = #_sourceLocation) -> ValidationError? {
    let errors = result.errors
    #expect(errors.count == 1, "expected one error, got \(errors)", sourceLocation: sourceLocation)
    return errors.first
}
