import BatchyardCore

extension ValidationError {
    /// The error as a row-diagnostic entry (`meta?path=row_errors`):
    /// `{"code": "1555", "path": "/_acme/points", "rule": "required", "expected": "...",
    /// "found": "missing", "message": "..."}`. `code` is the AEP family's row code.
    public var jsonValue: JSONValue {
        [
            "code": .string(family.rawValue),
            "path": .string(path),
            "rule": .string(rule.rawValue),
            "expected": .string(expected),
            "found": .string(found),
            "message": .string(description),
        ]
    }
}
