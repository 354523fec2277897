/// Thrown by `RecordValidator.coerce(_:)`: the record did not conform.
public struct RecordValidationFailure: Error, Sendable, Hashable {
    /// Every reason the record was refused (at most the validator's `maxErrors`).
    public var errors: [ValidationError]
}
