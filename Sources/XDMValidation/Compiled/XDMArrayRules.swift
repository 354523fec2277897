/// Constraints on an array field.
public struct XDMArrayRules: Sendable, Hashable {
    /// `minItems`, or `nil` for no lower bound.
    public var minItems: Int?
    /// `maxItems`, or `nil` for no upper bound.
    public var maxItems: Int?

    /// `uniqueItems`: no two items equal (compared after conversion).
    public var uniqueItems: Bool

    /// Array constraints; all optional.
    public init(minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false) {
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }
}
