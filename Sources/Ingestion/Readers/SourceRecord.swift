import BatchyardCore

/// One record read from an uploaded file, before validation.
public struct SourceRecord: Sendable, Hashable {
    /// The record: always a JSON object. CSV values are strings or `null`; the validator converts them.
    public var value: JSONValue
    /// The 1-based line on which the record starts.
    public var line: Int

    public init(value: JSONValue, line: Int) {
        self.value = value
        self.line = line
    }
}
