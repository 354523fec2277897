import BatchyardCore
import SQLKit

/// Compiles a `CatalogQuery`'s filter and order to SQL over the indexed columns and the document.
///
/// The semantics are those of `CatalogFilterEvaluator` (the in-memory reference): a number stored
/// compares numerically with numeric filter text, a string compares as a string, versions compare
/// by component, a missing property satisfies only `!=`, `!name` and negated simple filters.
/// Every predicate is written so that it is never SQL NULL, so `NOT` and `OR` behave.
struct CatalogFilterCompiler {
    let collection: CatalogCollection
    let tenant: Tenant
    let syntax: SQLDialectSyntax

    /// Columns that always hold a value (so "exists" is always true for them).
    private static let alwaysPresent: Set<String> = ["id", "created", "updated", "version_key"]
    /// Columns holding integers; the rest hold text.
    private static let integerColumns: Set<String> = ["created", "updated", "version_key"]

    /// `WHERE` conditions after the tenant's (already ANDed by the caller).
    func whereClause(_ filter: CatalogFilter) throws -> SQLQueryString {
        var parts: [SQLQueryString] = ["org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox)"]
        for condition in filter.conditions { parts.append("(\(try compile(condition)))") }
        return parts.joined(separator: " AND ")
    }

    /// `ORDER BY` keys, always ending with the default order (creation, then id) for stable pages.
    func orderClause(_ keys: [CatalogSortKey]) -> SQLQueryString {
        var parts: [SQLQueryString] = keys.map { key in
            let descending = key.direction == .descending
            if let column = IndexedColumns.columnForProperty[key.property] {
                return syntax.columnOrder(column, descending: descending)
            }
            return syntax.jsonOrder(Self.path(key.property), descending: descending)
        }
        let named = Set(keys.map(\.property))
        if !named.contains("created") { parts.append("created ASC") }
        if !named.contains("id") { parts.append("id ASC") }
        return parts.joined(separator: ", ")
    }

    private func compile(_ condition: CatalogCondition) throws -> SQLQueryString {
        switch condition {
        case .equals(let property, let values, let negated):
            let any = anyOf(property, values)
            return negated ? "NOT \(Self.definite(any))" : any
        case .exists(let property):
            return exists(property)
        case .notExists(let property):
            return "NOT (\(exists(property)))"
        case .matchesRegex(let property, let pattern):
            let subject = stringValue(property)
            return "(\(subject.present) AND \(syntax.regexMatch(subject.value, pattern: pattern)))"
        case .compare(let property, let op, let value):
            if op == .notEqual { return "NOT \(Self.definite(comparison(property, .equal, value)))" }
            return comparison(property, op, value)
        case .tag(let name, let value):
            var match: SQLQueryString = """
                EXISTS (SELECT 1 FROM catalog_tags t WHERE t.tbl = \(bind: collection.table) \
                AND t.org = \(ident: collection.table).org AND t.sandbox = \(ident: collection.table).sandbox \
                AND t.object_id = \(ident: collection.table).id AND t.name = \(bind: name)
                """
            switch value {
            case .any: break
            case .literal(let text): match += " AND t.value = \(bind: text)"
            case .pattern(let pattern): match += " AND \(syntax.wildcardMatch("t.value", pattern: pattern))"
            }
            return match + ")"
        case .range(let property, let bound, let value):
            let op: SQLQueryString = bound == .after ? ">" : "<"
            if let column = IndexedColumns.columnForProperty[property], Self.integerColumns.contains(column) {
                return "\(ident: column) \(op) \(bind: value)"
            }
            let path = Self.path(property)
            return "(\(syntax.jsonType(path)) IN ('integer', 'real') AND \(syntax.jsonNumber(path)) \(op) \(bind: value))"
        }
    }

    /// SQL's three-valued logic makes `x = 1` NULL when `x` is absent, and `NOT NULL` is NULL, not
    /// true; pinning a negated predicate to true/false keeps it two-valued like the reference.
    /// Only negations need it: a NULL elsewhere in a WHERE already counts as false, and leaving
    /// those predicates bare lets SQLite use the indexes.
    static func definite(_ predicate: SQLQueryString) -> SQLQueryString {
        "COALESCE((\(predicate)), FALSE)"
    }

    /// A simple filter's values, ORed: `IN (…)` on an indexed column so the index serves it.
    private func anyOf(_ property: String, _ values: [CatalogCondition.Value]) -> SQLQueryString {
        let literals = values.compactMap { value -> String? in
            if case .literal(let text) = value { return text }
            return nil
        }
        if let column = IndexedColumns.columnForProperty[property], column != "version_key",
            literals.count == values.count, !literals.isEmpty
        {
            if Self.integerColumns.contains(column) {
                let numbers = literals.compactMap(Self.number)
                return numbers.isEmpty ? "1 = 0" : "\(ident: column) IN (\(binds: numbers))"
            }
            return "\(ident: column) IN (\(binds: literals))"
        }
        let hits = values.map { value -> SQLQueryString in
            switch value {
            case .literal(let text): comparison(property, .equal, text)
            case .pattern(let pattern): wildcard(property, pattern)
            }
        }
        return hits.isEmpty ? "1 = 0" : "(\(hits.joined(separator: " OR ")))"
    }

    private func exists(_ property: String) -> SQLQueryString {
        if let column = IndexedColumns.columnForProperty[property] {
            return Self.alwaysPresent.contains(column) ? "1 = 1" : "\(ident: column) IS NOT NULL"
        }
        return "\(syntax.jsonType(Self.path(property))) IS NOT NULL"
    }

    /// A string-valued view of a property: a condition that it is a string, and its value.
    private func stringValue(_ property: String) -> (present: SQLQueryString, value: SQLQueryString) {
        if let column = IndexedColumns.columnForProperty[property] {
            if column == "version_key" { return ("1 = 1", "version") }
            if Self.integerColumns.contains(column) { return ("1 = 0", "NULL") }
            return ("\(ident: column) IS NOT NULL", "\(ident: column)")
        }
        let path = Self.path(property)
        return ("\(syntax.jsonType(path)) = 'text'", syntax.jsonText(path))
    }

    private func wildcard(_ property: String, _ pattern: CatalogWildcardPattern) -> SQLQueryString {
        let subject = stringValue(property)
        return "(\(subject.present) AND \(syntax.wildcardMatch(subject.value, pattern: pattern)))"
    }

    /// `property op text` with the reference semantics; never NULL.
    private func comparison(_ property: String, _ op: CatalogCondition.ComparisonOperator, _ text: String) -> SQLQueryString {
        let sqlOp: SQLQueryString = switch op {
        case .equal, .notEqual: "="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
        let number = Self.number(text)
        if let column = IndexedColumns.columnForProperty[property] {
            if column == "version_key" {
                if let version = ObjectVersion(text) { return "version_key \(sqlOp) \(bind: version.sortKey)" }
                return "version \(sqlOp) \(bind: text)"
            }
            if Self.integerColumns.contains(column) {
                guard let number else { return "1 = 0" }
                return "\(ident: column) \(sqlOp) \(bind: number)"
            }
            return "(\(ident: column) IS NOT NULL AND \(ident: column) \(sqlOp) \(bind: text))"
        }
        let path = Self.path(property)
        let type = syntax.jsonType(path)
        var alternatives: [SQLQueryString] = ["(\(type) = 'text' AND \(syntax.jsonText(path)) \(sqlOp) \(bind: text))"]
        if let number {
            alternatives.append("(\(type) IN ('integer', 'real') AND \(syntax.jsonNumber(path)) \(sqlOp) \(bind: number))")
        }
        if text == "true" || text == "false" {
            // Booleans order false < true; compare their text, which sorts the same way.
            alternatives.append("(\(type) IN ('true', 'false') AND \(type) \(sqlOp) \(bind: text))")
        }
        return "(\(alternatives.joined(separator: " OR ")))"
    }

    /// Strict JSON number text (as the reference accepts it), as a Double for binding.
    static func number(_ text: String) -> Double? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39),
            let value = try? JSONValue(parsing: text)
        else { return nil }
        return value.doubleValue
    }

    static func path(_ property: String) -> [String] {
        property.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
