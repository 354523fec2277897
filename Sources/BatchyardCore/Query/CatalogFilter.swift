/// The filter of a Catalog list: all conditions must hold (simple filters, `property` conditions,
/// tag pairs and range filters are ANDed, as AEP documents).
public struct CatalogFilter: Sendable, Hashable {
    /// The conditions, in the order their parameters appeared.
    public var conditions: [CatalogCondition]

    /// A filter of `conditions`; no conditions matches everything.
    public init(conditions: [CatalogCondition] = []) {
        self.conditions = conditions
    }

    /// Whether `object` satisfies every condition, with properties read by `resolve(_:in:)`.
    ///
    /// This is the reference semantics. Compiles regular expressions on each call: for many objects
    /// use `evaluator()` once.
    public func matches(_ object: JSONValue) -> Bool {
        evaluator().matches(object)
    }

    /// An evaluator with the regular expressions compiled once, for filtering many objects.
    /// `resolver` reads a property from an object (defaults to `resolve(_:in:)`), so callers can map
    /// virtual properties such as a batch's `dataSetId`.
    public func evaluator(
        resolver: @escaping (String, JSONValue) -> JSONValue? = CatalogFilter.resolve
    ) -> CatalogFilterEvaluator {
        CatalogFilterEvaluator(filter: self, resolver: resolver)
    }

    /// The value of `property` in `object`: a top-level member by that exact name if there is one,
    /// else the dotted path (`availableDates.startDate`) walked through nested objects.
    public static func resolve(_ property: String, in object: JSONValue) -> JSONValue? {
        guard case .object(let members) = object else { return nil }
        if let value = members[property] { return value }
        guard property.contains(".") else { return nil }
        var current = object
        for component in property.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .object(let nested) = current, let next = nested[String(component)] else { return nil }
            current = next
        }
        return current
    }
}
