/// How Catalog filters and sorts compare a stored JSON value with another value: numerically when
/// both sides are numbers, by version components for `version` (`1.0.10` > `1.0.9`), else by the
/// strings' UTF-8 bytes (the order of SQL's binary collation).
public enum CatalogValueOrder {
    /// The outcome of a comparison.
    public enum Ordering: Sendable, Hashable {
        /// The stored value sorts before the other.
        case less
        /// The values are equal for filtering and sorting.
        case equal
        /// The stored value sorts after the other.
        case greater
    }

    /// Compares a stored value with the text of a filter, or `nil` when they cannot be compared
    /// (a number against non-numeric text, or an array, object or `null` against anything).
    ///
    /// Booleans equal `true`/`false` and order `false` < `true`; strings compare as strings even
    /// when the text looks numeric, because `"5"` stored is not the number 5.
    public static func compare(_ stored: JSONValue, _ text: String, property: String) -> Ordering? {
        switch stored {
        case .int, .double:
            guard let number = number(from: text) else { return nil }
            return compare(stored, number: number)
        case .string(let string):
            return compareStrings(string, text, property: property)
        case .bool(let bool):
            guard text == "true" || text == "false" else { return nil }
            return order(bool ? 1 : 0, text == "true" ? 1 : 0)
        case .null, .array, .object:
            return nil
        }
    }

    /// Compares a stored number with a number (`.int` or `.double`), exactly for two integers;
    /// `nil` when `stored` is not a number.
    public static func compare(_ stored: JSONValue, number: JSONValue) -> Ordering? {
        if case .int(let left) = stored, case .int(let right) = number { return order(left, right) }
        guard let left = stored.doubleValue, let right = number.doubleValue else { return nil }
        return order(left, right)
    }

    /// A total order for `orderBy`: missing and `null` first, then numbers, strings, booleans,
    /// objects and arrays (objects and arrays compare equal among themselves).
    public static func sortOrder(_ left: JSONValue?, _ right: JSONValue?, property: String) -> Ordering {
        let leftRank = rank(left)
        let rightRank = rank(right)
        guard leftRank == rightRank else { return leftRank < rightRank ? .less : .greater }
        switch (left, right) {
        case (.int?, _), (.double?, _): return compare(left!, number: right!) ?? .equal
        case (.string(let a)?, .string(let b)?): return compareStrings(a, b, property: property)
        case (.bool(let a)?, .bool(let b)?): return order(a ? 1 : 0, b ? 1 : 0)
        default: return .equal
        }
    }

    /// The numeric components of a dotted version such as `1.0.10`, or `nil` when some component
    /// is not a plain decimal number.
    public static func versionComponents(_ text: String) -> [UInt64]? {
        var components: [UInt64] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = UInt64(part) else {
                return nil
            }
            components.append(value)
        }
        return components
    }

    /// A string whose byte order is the version order of `text` (each component zero-padded to 20
    /// digits), so a SQL store can index and compare versions as plain text; `nil` when `text` is
    /// not a dotted numeric version.
    public static func versionSortKey(_ text: String) -> String? {
        guard let components = versionComponents(text) else { return nil }
        return components.map { component in
            let digits = String(component)
            return String(repeating: "0", count: 20 - digits.count) + digits
        }.joined(separator: ".")
    }

    /// Whether comparisons on `property` use version order (its last path component is `version`).
    public static func isVersionProperty(_ property: String) -> Bool {
        property == "version" || property.hasSuffix(".version")
    }

    /// The text form of a scalar value as a filter would write it (`5`, `true`, `abc`); `nil` otherwise.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let string): string
        case .int(let int): String(int)
        case .double, .bool: value.serialized()
        default: nil
        }
    }

    private static func compareStrings(_ left: String, _ right: String, property: String) -> Ordering {
        if isVersionProperty(property), let a = versionComponents(left), let b = versionComponents(right) {
            for (x, y) in zip(a, b) where x != y { return x < y ? .less : .greater }
            return order(a.count, b.count)
        }
        if left == right { return .equal }
        return left.utf8.lexicographicallyPrecedes(right.utf8) ? .less : .greater
    }

    /// A strict JSON number in `text` (`5`, `-1.5`, `1e3`), so `nan`, `inf` and hex are not numbers.
    private static func number(from text: String) -> JSONValue? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39),
            let value = try? JSONValue(parsing: text)
        else { return nil }
        switch value {
        case .int, .double: return value
        default: return nil
        }
    }

    private static func rank(_ value: JSONValue?) -> Int {
        switch value {
        case nil, .null?: 0
        case .int?, .double?: 1
        case .string?: 2
        case .bool?: 3
        case .object?: 4
        case .array?: 5
        }
    }

    private static func order<T: Comparable>(_ left: T, _ right: T) -> Ordering {
        left < right ? .less : (left == right ? .equal : .greater)
    }
}
