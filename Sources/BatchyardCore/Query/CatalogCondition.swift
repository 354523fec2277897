/// One condition of a Catalog list filter; a `CatalogFilter` ANDs them.
///
/// Every case names the property it tests (a top-level name, or a dotted path for nested fields such as
/// `availableDates.startDate`). Values stay as the client wrote them (strings), because the same text
/// compares as a number against numeric fields and as a string against string fields; see
/// `CatalogFilter.matches` for the reference semantics a SQL compiler must reproduce.
public enum CatalogCondition: Sendable, Hashable {
    /// Simple filter `{param}=v1,v2` (`negated == false`): the property equals at least one value.
    /// `{param}=!v1,v2` (`negated == true`): it equals none of them; a missing property counts as none.
    case equals(property: String, values: [Value], negated: Bool)
    /// `property=name`: the property is present (any value, `null` included).
    case exists(property: String)
    /// `property=!name`: the property is absent.
    case notExists(property: String)
    /// `property=name~regex`: the property is a string with a match for the regular expression
    /// anywhere in it (use `^`/`$` to anchor). The pattern was checked to compile when parsed.
    case matchesRegex(property: String, pattern: String)
    /// `property=name==v`, `!=`, `<`, `<=`, `>`, `>=`: compares the property with `value`.
    /// `!=` is true for a missing property; the ordering operators are false for it.
    /// (`==`/`!=` on a wildcard property such as `name` parse as `equals`, so they take patterns.)
    case compare(property: String, op: ComparisonOperator, value: String)
    /// One pair of `tags=name:value`: the tag `name` exists and one of its values matches.
    case tag(name: String, value: TagValue)
    /// `createdAfter=ms` and friends: the property is an integer strictly beyond `value`.
    case range(property: String, bound: RangeBound, value: Int64)

    /// A value of a simple filter.
    public enum Value: Sendable, Hashable {
        /// Exact text (for wildcard parameters, `**` has already been unescaped to `*`).
        case literal(String)
        /// A wildcard pattern (only for `CatalogQuerySchema.wildcardFilters`, e.g. `name=te*st`).
        case pattern(CatalogWildcardPattern)
    }

    /// The operators of the `property` parameter.
    public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
        /// `==`: equal (as a number, version, boolean or string; see `CatalogValueOrder`).
        case equal = "=="
        /// `!=`: not equal, or the property is missing.
        case notEqual = "!="
        /// `<`: strictly less.
        case less = "<"
        /// `<=`: less or equal.
        case lessOrEqual = "<="
        /// `>`: strictly greater.
        case greater = ">"
        /// `>=`: greater or equal.
        case greaterOrEqual = ">="
    }

    /// The value side of a tag filter.
    public enum TagValue: Sendable, Hashable {
        /// `name:*`: the tag exists, whatever its values.
        case any
        /// `name:value`: one of the tag's values equals this text.
        case literal(String)
        /// `name:te*st`: one of the tag's values matches the pattern.
        case pattern(CatalogWildcardPattern)
    }

    /// The side of a range filter; both are exclusive.
    public enum RangeBound: Sendable, Hashable {
        /// `...After`: property > value.
        case after
        /// `...Before`: property < value.
        case before
    }
}
