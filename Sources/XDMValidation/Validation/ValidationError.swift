/// One reason a record was refused, precise enough for a row-level diagnostic.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer to the offending field (`/_tenant/loyalty/points`, `/items/3/sku`); `""` is the
    /// record itself.
    public var path: String
    /// The rule that failed.
    public var rule: ValidationRule
    /// What the schema wanted, in words (`integer (short)`, `one of ["a", "b"]`, `<= 100`).
    public var expected: String
    /// What the record had (a JSON kind, or the value when that is what matters).
    public var found: String
    /// The AEP error family; the rule's own family except that date strings that fail to parse
    /// count as conversion failures.
    public var family: AEPErrorFamily

    /// Creates an error; `family` defaults to the rule's family.
    public init(
        path: String, rule: ValidationRule, expected: String, found: String, family: AEPErrorFamily? = nil
    ) {
        self.path = path
        self.rule = rule
        self.expected = expected
        self.found = found
        self.family = family ?? rule.family
    }

    /// A one-line message in the style of AEP's validation messages.
    public var description: String {
        let location = path.isEmpty ? "record" : path
        return "\(location): \(rule.rawValue): expected \(expected), found \(found)"
    }
}
