/// Turns the query items of a Catalog request into a `CatalogQuery`, refusing anything the schema
/// does not describe. Kept apart from `CatalogQuery` so the value type stays small.
struct CatalogQueryParser {
    let schema: CatalogQuerySchema

    private static let singletons = ["limit", "start", "orderBy", "sort", "properties"]

    mutating func parse(_ items: [(name: String, value: String)]) throws(CatalogQueryError) -> CatalogQuery {
        try checkNames(items)
        var query = CatalogQuery()
        var conditions: [CatalogCondition] = []
        for (name, value) in items {
            switch name {
            case "limit":
                guard let limit = Int(value), (1...CatalogQuery.maximumLimit).contains(limit) else {
                    throw invalid(name, value, "limit must be between 1 and \(CatalogQuery.maximumLimit)")
                }
                query.limit = limit
            case "start":
                guard let start = Int(value), start >= 0 else {
                    throw invalid(name, value, "start must be a non-negative integer (a zero-based offset)")
                }
                query.start = start
            case "orderBy", "sort":
                query.orderBy = try parseOrderBy(name, value)
            case "properties":
                query.properties = try parseProperties(value)
            case "property":
                conditions.append(try parsePropertyCondition(value))
            case "tags":
                conditions.append(contentsOf: try parseTags(value))
            case _ where schema.extraParameters.contains(name):
                continue
            default:
                if let property = schema.simpleFilters[name] {
                    conditions.append(try parseSimpleFilter(name, value, property: property))
                } else if let range = schema.rangeFilters[name] {
                    guard let bound = Int64(value) else {
                        throw invalid(name, value, "\(name) must be an integer timestamp in epoch milliseconds")
                    }
                    conditions.append(.range(property: range.property, bound: range.bound, value: bound))
                }
            }
        }
        if let properties = query.properties {
            for property in properties {
                if let cap = schema.limitCaps[property] { query.limit = min(query.limit, cap) }
            }
        }
        query.filter = CatalogFilter(conditions: conditions)
        return query
    }

    /// Refuses unknown names (all of them at once) and repeated singleton parameters.
    private func checkNames(_ items: [(name: String, value: String)]) throws(CatalogQueryError) {
        var unknown: [String] = []
        var seen: Set<String> = []
        for (name, _) in items {
            if !isKnown(name) {
                if !unknown.contains(name) { unknown.append(name) }
                continue
            }
            if Self.singletons.contains(name) {
                if seen.contains(name) {
                    throw CatalogQueryError(
                        .duplicateParameter, parameters: [name], message: "The query parameter '\(name)' may be given only once.")
                }
                seen.insert(name)
            }
        }
        if !unknown.isEmpty {
            let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
            let noun = unknown.count == 1 ? "parameter" : "parameters"
            throw CatalogQueryError(
                .unknownParameter, parameters: unknown,
                message: "Unsupported query \(noun) \(names). Supported here: \(supportedNames().joined(separator: ", ")).")
        }
        if seen.contains("orderBy") && seen.contains("sort") {
            throw CatalogQueryError(
                .duplicateParameter, parameters: ["orderBy", "sort"],
                message: "Give either 'orderBy' or its old name 'sort', not both.")
        }
    }

    private func isKnown(_ name: String) -> Bool {
        if name == "properties" || schema.extraParameters.contains(name) { return true }
        guard schema.allowsListing else { return false }
        switch name {
        case "limit", "start", "orderBy", "sort", "property": return true
        case "tags" where schema.supportsTags: return true
        default: return schema.simpleFilters[name] != nil || schema.rangeFilters[name] != nil
        }
    }

    private func supportedNames() -> [String] {
        var names: Set<String> = ["properties"]
        names.formUnion(schema.extraParameters)
        if schema.allowsListing {
            names.formUnion(["limit", "start", "orderBy", "property"])
            names.formUnion(schema.simpleFilters.keys)
            names.formUnion(schema.rangeFilters.keys)
            if schema.supportsTags { names.insert("tags") }
        }
        return names.sorted()
    }

    // MARK: Values

    private func parseOrderBy(_ name: String, _ value: String) throws(CatalogQueryError) -> [CatalogSortKey] {
        var keys: [CatalogSortKey] = []
        for item in try list(name, value) {
            var property = Substring(item)
            var direction = CatalogSortKey.Direction.ascending
            if let colon = property.firstIndex(of: ":") {
                switch property[..<colon].lowercased() {
                case "asc": direction = .ascending
                case "desc": direction = .descending
                default:
                    throw invalid(name, value, "'\(property[..<colon])' is not a sort direction; use asc: or desc:")
                }
                property = property[property.index(after: colon)...]
            }
            try checkPropertyName(String(property), parameter: name, value: value)
            if let sortable = schema.sortableProperties, !sortable.contains(String(property)) {
                throw invalid(
                    name, value, "cannot sort by '\(property)'; sortable properties: \(sortable.sorted().joined(separator: ", "))")
            }
            keys.append(CatalogSortKey(property: String(property), direction: direction))
        }
        return keys
    }

    private func parseProperties(_ value: String) throws(CatalogQueryError) -> [String] {
        var properties: [String] = []
        for property in try list("properties", value) {
            try checkPropertyName(property, parameter: "properties", value: value)
            if !properties.contains(property) { properties.append(property) }
        }
        return properties
    }

    private func parseSimpleFilter(_ name: String, _ value: String, property: String) throws(CatalogQueryError) -> CatalogCondition {
        var text = Substring(value)
        let negated = text.first == "!"
        if negated { text = text.dropFirst() }
        var values: [CatalogCondition.Value] = []
        for item in try list(name, String(text)) {
            if item.hasPrefix("!") {
                throw CatalogQueryError(
                    .unsupportedSyntax, parameters: [name],
                    message: "Unsupported filter '\(name)=\(value)': '!' negates the whole list and may only come first, as in '\(name)=!a,b'.")
            }
            if schema.wildcardFilters.contains(name) {
                values.append(wildcardValue(item))
            } else {
                values.append(.literal(item))
            }
        }
        return .equals(property: property, values: values, negated: negated)
    }

    private func parseTags(_ value: String) throws(CatalogQueryError) -> [CatalogCondition] {
        var conditions: [CatalogCondition] = []
        for pair in try list("tags", value) {
            guard let colon = pair.firstIndex(of: ":") else {
                throw invalid("tags", value, "'\(pair)' is not a name:value pair (use name:* for any value)")
            }
            let name = String(pair[..<colon])
            let tagValue = String(pair[pair.index(after: colon)...])
            guard !name.isEmpty, !tagValue.isEmpty else {
                throw invalid("tags", value, "'\(pair)' needs both a tag name and a value (use name:* for any value)")
            }
            if tagValue == "*" {
                conditions.append(.tag(name: name, value: .any))
            } else {
                let pattern = CatalogWildcardPattern(parsing: tagValue)
                conditions.append(.tag(name: name, value: pattern.literalValue.map { .literal($0) } ?? .pattern(pattern)))
            }
        }
        return conditions
    }

    private func parsePropertyCondition(_ value: String) throws(CatalogQueryError) -> CatalogCondition {
        if value.hasPrefix("!") && !value.hasPrefix("!=") {
            let name = String(value.dropFirst())
            try checkPropertyName(name, parameter: "property", value: value)
            return .notExists(property: name)
        }
        guard let operatorStart = value.firstIndex(where: { "=!<>~".contains($0) }) else {
            try checkPropertyName(value, parameter: "property", value: value)
            return .exists(property: value)
        }
        let name = String(value[..<operatorStart])
        try checkPropertyName(name, parameter: "property", value: value)
        let rest = value[operatorStart...]
        if rest.hasPrefix("~") {
            let pattern = String(rest.dropFirst())
            guard !pattern.isEmpty else { throw invalid("property", value, "'~' must be followed by a regular expression") }
            do {
                _ = try Regex(pattern)
            } catch {
                throw invalid("property", value, "'\(pattern)' is not a valid regular expression (\(error))")
            }
            return .matchesRegex(property: name, pattern: pattern)
        }
        // Longest operators first, so `<=` is not read as `<` followed by `=`.
        let operators: [CatalogCondition.ComparisonOperator] = [.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        guard let op = operators.first(where: { rest.hasPrefix($0.rawValue) }) else {
            throw CatalogQueryError(
                .unsupportedSyntax, parameters: ["property"],
                message: "Unsupported condition 'property=\(value)': after '\(name)' use ==, !=, <, <=, >, >= or ~ (a single '=' is not an operator).")
        }
        let operand = String(rest.dropFirst(op.rawValue.count))
        if operand.isEmpty && op != .equal && op != .notEqual {
            throw invalid("property", value, "'\(op.rawValue)' must be followed by a value")
        }
        // AEP documents `*` wildcards for `name` under the `property` parameter too, so `==` and `!=`
        // on a wildcard property take patterns, exactly like the simple filter.
        if op == .equal || op == .notEqual, wildcardProperties.contains(name) {
            return .equals(property: name, values: [wildcardValue(operand)], negated: op == .notEqual)
        }
        return .compare(property: name, op: op, value: operand)
    }

    /// The properties whose simple filter takes wildcards (`name` where the collection filters on it).
    private var wildcardProperties: Set<String> {
        Set(schema.wildcardFilters.compactMap { schema.simpleFilters[$0] })
    }

    private func wildcardValue(_ text: String) -> CatalogCondition.Value {
        let pattern = CatalogWildcardPattern(parsing: text)
        return pattern.literalValue.map(CatalogCondition.Value.literal) ?? .pattern(pattern)
    }

    // MARK: Helpers

    /// Splits a comma list, refusing empty items (`a,,b`, a trailing comma, an empty value).
    private func list(_ name: String, _ value: String) throws(CatalogQueryError) -> [String] {
        let items = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if value.isEmpty { throw invalid(name, value, "\(name) needs a value") }
        if items.contains(where: \.isEmpty) { throw invalid(name, value, "the comma-separated list has an empty item") }
        return items
    }

    /// Accepts top-level property names only (letters, digits, `_`, `-`, `@`, `$`), as AEP documents.
    private func checkPropertyName(_ property: String, parameter: String, value: String) throws(CatalogQueryError) {
        guard !property.isEmpty else { throw invalid(parameter, value, "a property name is missing") }
        let allowed = property.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-@$".unicodeScalars.contains(scalar)
        }
        guard allowed else {
            if property.contains(".") {
                throw CatalogQueryError(
                    .unsupportedSyntax, parameters: [parameter],
                    message: "Unsupported value '\(value)' for '\(parameter)': only top-level properties can be named, not '\(property)'.")
            }
            throw invalid(parameter, value, "'\(property)' is not a property name")
        }
    }

    private func invalid(_ name: String, _ value: String, _ reason: String) -> CatalogQueryError {
        CatalogQueryError(.invalidValue, parameters: [name], message: "Invalid value '\(value)' for '\(name)': \(reason).")
    }
}
