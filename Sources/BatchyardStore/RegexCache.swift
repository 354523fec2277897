import Foundation
import NIOConcurrencyHelpers

/// Compiled regular expressions for the Catalog `property=name~regex` filter, keyed by pattern.
///
/// The SQLite `regexp` function runs once per row; compiling the pattern each time would dominate.
final class RegexCache: Sendable {
    static let shared = RegexCache()
    private let cache = NIOLockedValueBox([String: NSRegularExpression]())

    struct InvalidPattern: Error, CustomStringConvertible {
        let pattern: String
        var description: String { "invalid regular expression '\(pattern)'" }
    }

    func regex(for pattern: String) throws -> NSRegularExpression {
        if let cached = cache.withLockedValue({ $0[pattern] }) { return cached }
        guard let compiled = try? NSRegularExpression(pattern: pattern) else { throw InvalidPattern(pattern: pattern) }
        cache.withLockedValue { cache in
            if cache.count > 256 { cache.removeAll() }
            cache[pattern] = compiled
        }
        return compiled
    }

    func matches(pattern: String, subject: String) throws -> Bool {
        let regex = try regex(for: pattern)
        let range = NSRange(subject.startIndex..<subject.endIndex, in: subject)
        return regex.firstMatch(in: subject, range: range) != nil
    }
}
