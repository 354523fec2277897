import BatchyardCore

/// What checking one value produced.
enum CheckOutcome {
    /// Valid, and the coerced value is the input itself (no copy needed).
    case same
    /// Valid after conversion; the payload replaces the input in the output record.
    case replaced(JSONValue)
    /// Invalid; the reasons are in the `ErrorSink`.
    case failed
}
