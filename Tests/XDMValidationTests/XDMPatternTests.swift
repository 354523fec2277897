import Testing

@testable import XDMValidation

/// The fast matcher must agree with NSRegularExpression on every input it handles.
@Suite("Pattern matching")
struct XDMPatternTests {
    static let simplePatterns = [
        "^[A-Z]{2}$", "^[A-Z]{3}$", "^[0-1][0-9]-[0-3][0-9]$", "^L[0-9]+$", "[0-9]{3}", "^\\d{4}-\\d{2}$",
        "^[a-z0-9._-]+$", "ab*c", "^a?b+$", "x.y", "^[^0-9]*$", "\\w+@\\w+\\.com", "^\\s*$", "^[-a-c]+$",
        "^[a\\-z]$", "end$", "^$", "^.{2,4}$", "^[A-Za-z][A-Za-z0-9+.-]*:", "a{2,}", "^\\.\\*$", "[]a]",
    ]

    static let complexPatterns = ["^(a|b)$", "a+?", "\\bword", "[[:alpha:]]", "^\\p{L}+$", "(?i)abc", "a{,3}", "é+"]

    @Test func recognisesTheSubset() throws {
        for source in Self.simplePatterns {
            #expect(try XDMPattern(source, path: "").isSimple, "\(source)")
        }
        for source in Self.complexPatterns {
            let pattern = try? XDMPattern(source, path: "")
            #expect(pattern?.isSimple != true, "\(source)")
        }
    }

    @Test(arguments: simplePatterns)
    func agreesWithFoundation(_ source: String) throws {
        let pattern = try XDMPattern(source, path: "")
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: source.hashValue & 0xFFFF) | 1)
        let alphabet = Array("aAbBcxyzZ019-._@ *:.\n\r]")
        var inputs = ["", "US", "USA", "L123", "12-31", "2024-01", "abc", "ac", "abbbc", "x y", "xzy", "a@b.com", "  ", "end",
            "the end", "a-c", "ab", "http:", "aa", ".*", "]", "a\nb", "US\r\n", "US\n\n", "end\r"]
        for _ in 0..<400 {
            inputs.append(String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        for input in inputs {
            #expect(pattern.matches(input) == pattern.matchesWithFoundation(input), "/\(source)/ on \(input.debugDescription)")
        }
    }

    @Test func nonASCIIInputFallsBackToFoundation() throws {
        let pattern = try XDMPattern("^[a-z]+$", path: "")
        #expect(pattern.matches("abc"))
        #expect(!pattern.matches("abé"))
        #expect(try XDMPattern("^.$", path: "").matches("é"), "one character, two UTF-8 bytes")
    }
}
