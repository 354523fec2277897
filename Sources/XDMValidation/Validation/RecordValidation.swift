import BatchyardCore

/// The outcome of validating one record: the coerced record to write, or every reason it was
/// refused.
public enum RecordValidation: Sendable, Hashable {
    /// The record conforms; the payload is the record after AEP's type conversions, ready for the
    /// lake writer (see `RecordValidator` for how dates are represented).
    case valid(JSONValue)
    /// The record does not conform; never empty.
    case invalid([ValidationError])

    /// The coerced record, or `nil` when invalid.
    public var record: JSONValue? {
        if case .valid(let record) = self { return record }
        return nil
    }

    /// The errors; empty when valid.
    public var errors: [ValidationError] {
        if case .invalid(let errors) = self { return errors }
        return []
    }
}
