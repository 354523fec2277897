/// A `name` (or tag value) pattern where `*` matches any run of characters, including none, and
/// `**` stands for one literal asterisk, as AEP's Catalog documents.
///
/// Kept as segments rather than a string so each backend renders it with its own escaping
/// (`sqlLikePattern` for SQL `LIKE ... ESCAPE`, `sqliteGlobPattern` for SQLite's case-sensitive `GLOB`).
public struct CatalogWildcardPattern: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a pattern.
    public enum Segment: Sendable, Hashable {
        /// Characters that must appear exactly (any `*` here is a literal asterisk).
        case literal(String)
        /// Any run of characters, possibly empty.
        case anything
    }

    /// The pieces, with adjacent literals merged and no two `anything` in a row.
    public var segments: [Segment]

    /// A pattern from segments; normalizes adjacent segments.
    public init(segments: [Segment]) {
        var normalized: [Segment] = []
        for segment in segments {
            switch (normalized.last, segment) {
            case (.literal(let left), .literal(let right)): normalized[normalized.count - 1] = .literal(left + right)
            case (.anything, .anything): continue
            case (_, .literal(let text)) where text.isEmpty: continue
            default: normalized.append(segment)
            }
        }
        self.segments = normalized
    }

    /// Parses query syntax: `*` is a wildcard, `**` a literal asterisk (so `a***` is `a*` then anything).
    public init(parsing text: String) {
        var segments: [Segment] = []
        var literal = ""
        var characters = text[...]
        while let character = characters.popFirst() {
            guard character == "*" else {
                literal.append(character)
                continue
            }
            if characters.first == "*" {
                characters.removeFirst()
                literal.append("*")
            } else {
                segments.append(.literal(literal))
                literal = ""
                segments.append(.anything)
            }
        }
        segments.append(.literal(literal))
        self.init(segments: segments)
    }

    /// Whether the pattern has no wildcard, i.e. is an exact match on `literalValue`.
    public var isLiteral: Bool { !segments.contains(.anything) }

    /// The exact text matched when `isLiteral`, else `nil`.
    public var literalValue: String? {
        guard isLiteral else { return nil }
        if case .literal(let text) = segments.first { return text }
        return ""
    }

    /// Whether the pattern is a lone `*`, which matches every value (but not a missing one).
    public var matchesEverything: Bool { segments == [.anything] }

    /// The pattern in query syntax again (`*` for wildcards, `**` for literal asterisks).
    public var description: String {
        segments.map { segment in
            switch segment {
            case .anything: "*"
            case .literal(let text): text.split(separator: "*", omittingEmptySubsequences: false).joined(separator: "**")
            }
        }.joined()
    }

    /// The pattern for SQL `LIKE ... ESCAPE '<escape>'`: wildcards become `%`; `%`, `_` and the
    /// escape character itself are escaped. Note SQLite's `LIKE` ignores ASCII case unless
    /// `PRAGMA case_sensitive_like` is on; `sqliteGlobPattern` is case-sensitive.
    public func sqlLikePattern(escape: Character = "\\") -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .anything: result.append("%")
            case .literal(let text):
                for character in text {
                    if character == "%" || character == "_" || character == escape { result.append(escape) }
                    result.append(character)
                }
            }
        }
        return result
    }

    /// The pattern for SQLite `GLOB` (case-sensitive): wildcards become `*`; `*`, `?` and `[` are
    /// written as one-character classes (`[*]`, `[?]`, `[[]`).
    public var sqliteGlobPattern: String {
        var result = ""
        for segment in segments {
            switch segment {
            case .anything: result.append("*")
            case .literal(let text):
                for character in text {
                    switch character {
                    case "*", "?", "[": result += "[\(character)]"
                    default: result.append(character)
                    }
                }
            }
        }
        return result
    }

    /// Whether `value` matches the whole pattern, comparing Unicode scalars exactly (case-sensitive).
    public func matches(_ value: String) -> Bool {
        var remaining = Substring(value).unicodeScalars[...]
        var anchored = true
        for (position, segment) in segments.enumerated() {
            guard case .literal(let text) = segment else {
                anchored = false
                continue
            }
            let needle = Array(text.unicodeScalars)
            let isLast = position == segments.count - 1
            if anchored {
                guard remaining.starts(with: needle) else { return false }
                remaining = remaining.dropFirst(needle.count)
            } else if isLast {
                // A trailing literal after a wildcard must end the value.
                guard remaining.count >= needle.count, remaining.suffix(needle.count).elementsEqual(needle) else {
                    return false
                }
                remaining = remaining.suffix(0)
            } else {
                // Earliest occurrence is always safe: later segments get the most room.
                guard let range = Self.firstRange(of: needle, in: remaining) else { return false }
                remaining = remaining[range.upperBound...]
            }
            anchored = true
        }
        return segments.last == .anything || remaining.isEmpty
    }

    private static func firstRange(
        of needle: [Unicode.Scalar], in haystack: Substring.UnicodeScalarView.SubSequence
    ) -> Range<String.Index>? {
        var start = haystack.startIndex
        while true {
            if haystack[start...].starts(with: needle) {
                return start..<haystack.index(start, offsetBy: needle.count)
            }
            guard start < haystack.endIndex else { return nil }
            start = haystack.index(after: start)
        }
    }
}
