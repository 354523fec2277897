/// Bounds and allowed values of a numeric field.
public struct XDMNumberRules: Sendable, Hashable {
    /// `minimum` (inclusive).
    public var minimum: Double?
    /// `maximum` (inclusive).
    public var maximum: Double?
    /// `exclusiveMinimum` (draft-6 number form; draft-4 booleans are folded in by the compiler).
    public var exclusiveMinimum: Double?
    /// `exclusiveMaximum`, as `exclusiveMinimum`.
    public var exclusiveMaximum: Double?
    /// The allowed values, or `nil` for any.
    public var enumValues: [Double]?

    /// Numeric constraints; all optional.
    public init(
        minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil,
        exclusiveMaximum: Double? = nil, enumValues: [Double]? = nil
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.enumValues = enumValues
    }
}
