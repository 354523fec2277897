import Testing
@testable import BatchyardCore

@Suite("Catalog wildcard patterns")
struct CatalogWildcardPatternTests {
    @Test("parsing: * is a wildcard, ** a literal asterisk")
    func parsing() {
        #expect(CatalogWildcardPattern(parsing: "te*st").segments == [.literal("te"), .anything, .literal("st")])
        #expect(CatalogWildcardPattern(parsing: "a**b").segments == [.literal("a*b")])
        #expect(CatalogWildcardPattern(parsing: "a***").segments == [.literal("a*"), .anything])
        #expect(CatalogWildcardPattern(parsing: "**").segments == [.literal("*")])
        #expect(CatalogWildcardPattern(parsing: "*").segments == [.anything])
        #expect(CatalogWildcardPattern(parsing: "").segments == [])
        #expect(CatalogWildcardPattern(segments: [.anything, .anything, .literal(""), .literal("a"), .literal("b")]).segments == [.anything, .literal("ab")])
    }

    @Test("literal patterns")
    func literal() {
        #expect(CatalogWildcardPattern(parsing: "a**b").literalValue == "a*b")
        #expect(CatalogWildcardPattern(parsing: "").literalValue == "")
        #expect(CatalogWildcardPattern(parsing: "a*").literalValue == nil)
        #expect(CatalogWildcardPattern(parsing: "*").matchesEverything)
        #expect(!CatalogWildcardPattern(parsing: "a*").matchesEverything)
    }

    @Test("description round-trips the query syntax", arguments: ["te*st", "a**b", "a***", "*", "x*y*z", "**x**"])
    func description(text: String) {
        let pattern = CatalogWildcardPattern(parsing: text)
        #expect(CatalogWildcardPattern(parsing: pattern.description) == pattern)
    }

    @Test(
        "matching",
        arguments: [
            ("te*st", "test", true), ("te*st", "teXYst", true), ("te*st", "tesst", true), ("te*st", "tes", false),
            ("te*st", "atest", false), ("te*st", "testa", false), ("*", "", true), ("*", "anything", true),
            ("a*", "a", true), ("a*", "ba", false), ("*a", "ba", true), ("*a", "ab", false), ("*ab*", "xxabyy", true),
            ("a*b*c", "abc", true), ("a*b*c", "aXbYc", true), ("a*b*c", "acb", false), ("a*a", "a", false),
            ("a*a", "aa", true), ("a**b", "a*b", true), ("a**b", "ab", false), ("a**b", "aXb", false),
            ("*é*", "café!", true), ("Test", "test", false), ("*.csv", "x.csv", true), ("*.csv", "x.csv.bak", false),
            ("a*b*b", "abXb", true), ("a*bc", "abcbc", true), ("", "", true), ("", "x", false),
        ])
    func matching(pattern: String, value: String, expected: Bool) {
        #expect(CatalogWildcardPattern(parsing: pattern).matches(value) == expected)
    }

    @Test("SQL LIKE rendering escapes %, _ and the escape character")
    func like() {
        #expect(CatalogWildcardPattern(parsing: "te*st").sqlLikePattern() == "te%st")
        #expect(CatalogWildcardPattern(parsing: "100%_a\\b*").sqlLikePattern() == "100\\%\\_a\\\\b%")
        #expect(CatalogWildcardPattern(parsing: "a**b").sqlLikePattern() == "a*b")
        #expect(CatalogWildcardPattern(parsing: "a!b*").sqlLikePattern(escape: "!") == "a!!b%")
    }

    @Test("SQLite GLOB rendering escapes *, ? and [")
    func glob() {
        #expect(CatalogWildcardPattern(parsing: "te*st").sqliteGlobPattern == "te*st")
        #expect(CatalogWildcardPattern(parsing: "a**?[b*").sqliteGlobPattern == "a[*][?][[]b*")
    }
}
