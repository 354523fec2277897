/// Evaluates a `CatalogFilter` against JSON objects in memory, with its regular expressions compiled
/// once. Create it with `CatalogFilter.evaluator(resolver:)`.
public struct CatalogFilterEvaluator {
    private let filter: CatalogFilter
    private let resolver: (String, JSONValue) -> JSONValue?
    private let regexes: [String: Regex<AnyRegexOutput>]

    init(filter: CatalogFilter, resolver: @escaping (String, JSONValue) -> JSONValue?) {
        self.filter = filter
        self.resolver = resolver
        var regexes: [String: Regex<AnyRegexOutput>] = [:]
        for case .matchesRegex(_, let pattern) in filter.conditions {
            regexes[pattern] = try? Regex(pattern)
        }
        self.regexes = regexes
    }

    /// Whether `object` satisfies every condition of the filter.
    public func matches(_ object: JSONValue) -> Bool {
        filter.conditions.allSatisfy { matches($0, object) }
    }

    private func matches(_ condition: CatalogCondition, _ object: JSONValue) -> Bool {
        switch condition {
        case .equals(let property, let values, let negated):
            let stored = resolver(property, object)
            let hit = stored.map { stored in values.contains { Self.equals(stored, $0, property: property) } } ?? false
            return hit != negated
        case .exists(let property):
            return resolver(property, object) != nil
        case .notExists(let property):
            return resolver(property, object) == nil
        case .matchesRegex(let property, let pattern):
            guard case .string(let text)? = resolver(property, object), let regex = regexes[pattern] else { return false }
            return text.contains(regex)
        case .compare(let property, let op, let value):
            guard let stored = resolver(property, object) else { return op == .notEqual }
            let order = CatalogValueOrder.compare(stored, value, property: property)
            switch op {
            case .equal: return order == .equal
            case .notEqual: return order != .equal
            case .less: return order == .less
            case .lessOrEqual: return order == .less || order == .equal
            case .greater: return order == .greater
            case .greaterOrEqual: return order == .greater || order == .equal
            }
        case .tag(let name, let tagValue):
            guard case .object(let tags)? = resolver("tags", object), let stored = tags[name] else { return false }
            let texts: [String]
            switch stored {
            case .array(let elements): texts = elements.compactMap(CatalogValueOrder.text)
            default: texts = CatalogValueOrder.text(stored).map { [$0] } ?? []
            }
            switch tagValue {
            case .any: return true
            case .literal(let expected): return texts.contains(expected)
            case .pattern(let pattern): return texts.contains { pattern.matches($0) }
            }
        case .range(let property, let bound, let value):
            guard let stored = resolver(property, object),
                let order = CatalogValueOrder.compare(stored, number: .int(value))
            else { return false }
            return bound == .after ? order == .greater : order == .less
        }
    }

    private static func equals(_ stored: JSONValue, _ value: CatalogCondition.Value, property: String) -> Bool {
        switch value {
        case .literal(let text): return CatalogValueOrder.compare(stored, text, property: property) == .equal
        case .pattern(let pattern):
            guard case .string(let text) = stored else { return false }
            return pattern.matches(text)
        }
    }
}
