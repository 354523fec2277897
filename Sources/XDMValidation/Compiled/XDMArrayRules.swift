/// Constraints on an array field.
public struct XDMArrayRules: Sendable, Hashable {
    /// `minItems`, or `nil` for no lower bound.
    public var minItems: Int?
    /// `maxItems`, or `nil` for no upper bound.
    public var maxItems: Int?

    /// Array constraints; all optional.
    public init(minItems: Int? = nil, maxItems: Int? = nil) {
        self.minItems = minItems
        self.maxItems = maxItems
    }
}
