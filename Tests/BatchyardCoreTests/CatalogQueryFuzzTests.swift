import Testing
@testable import BatchyardCore

/// Seeded robustness tests: arbitrary query strings never crash the parser, and the wildcard matcher
/// agrees with an independent regular-expression rendering of the same pattern.
@Suite("Catalog query fuzzing")
struct CatalogQueryFuzzTests {
    private static let names = [
        "limit", "start", "orderBy", "sort", "properties", "property", "tags", "status", "name", "createdAfter",
        "startBefore", "aggregate", "bogus", "",
    ]
    private static let alphabet = Array("ab*!=<>~:,.^$()[]\\-019 é")

    private static func randomText(_ rng: inout SeededGenerator, maxLength: Int = 10) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    @Test("random query items parse or throw CatalogQueryError", arguments: [21, 22] as [UInt64])
    func randomQueries(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let object: JSONValue = ["name": "ab*", "status": "a", "tags": ["a": ["b"]], "created": 5, "version": "1.0.1"]
        for _ in 0..<2000 {
            let items = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                (name: Self.names.randomElement(using: &rng)!, value: Self.randomText(&rng))
            }
            do {
                let query = try CatalogQuery(parsing: items, schema: batchesSchema)
                #expect((1...100).contains(query.limit))
                #expect(query.start >= 0)
                _ = query.filter.matches(object)
                _ = query.apply(to: [(id: "x", object: object)])
            } catch {
                #expect(!error.parameters.isEmpty)
                #expect(!error.message.isEmpty)
            }
        }
    }

    /// The pattern as an anchored regular expression, built independently of `matches`.
    private static func regex(for pattern: CatalogWildcardPattern) -> Regex<AnyRegexOutput> {
        var source = "^"
        for segment in pattern.segments {
            switch segment {
            case .anything: source += ".*"
            case .literal(let text):
                for scalar in text.unicodeScalars {
                    source += "\\x{\(String(scalar.value, radix: 16))}"
                }
            }
        }
        return try! Regex(source + "$").dotMatchesNewlines()
    }

    @Test("wildcard matching agrees with a regular expression", arguments: [31, 32] as [UInt64])
    func wildcardDifferential(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let letters = Array("ab*")
        for _ in 0..<1500 {
            let patternText = String((0..<Int.random(in: 0...6, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
            let value = String((0..<Int.random(in: 0...7, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
            let pattern = CatalogWildcardPattern(parsing: patternText)
            let expected = (try? Self.regex(for: pattern).wholeMatch(in: value)) != nil
            #expect(pattern.matches(value) == expected, "pattern \(patternText.debugDescription) value \(value.debugDescription)")
        }
    }
}
