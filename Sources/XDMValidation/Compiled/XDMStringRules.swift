/// Constraints on a string field.
public struct XDMStringRules: Sendable, Hashable {
    /// `minLength` in characters (Unicode scalars), as JSON Schema counts.
    public var minLength: Int?
    /// `maxLength` in characters (Unicode scalars).
    public var maxLength: Int?
    /// An ECMA-262 style pattern, searched (not anchored) as JSON Schema specifies.
    public var pattern: String?
    /// A checked `format`; `nil` when absent or unknown (unknown formats are annotations).
    public var format: XDMStringFormat?
    /// The allowed values, or `nil` for any.
    public var enumValues: [String]?

    /// String constraints; all optional.
    public init(
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        format: XDMStringFormat? = nil, enumValues: [String]? = nil
    ) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
        self.enumValues = enumValues
    }
}
