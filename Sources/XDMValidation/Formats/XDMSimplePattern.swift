/// A matcher for the simple patterns XDM schemas use (`^[A-Z]{3}$`, `^L[0-9]+$`,
/// `^[0-1][0-9]-[0-3][0-9]$`): a sequence of literals, classes and `.`, each with a quantifier,
/// optionally anchored; no groups, alternation or lookaround.
///
/// NSRegularExpression costs 400–900 ns per call (bridging to NSString, ICU setup); in the
/// benchmark schema four pattern checks per record were the largest single cost. This matcher works
/// on UTF-8 bytes and handles ASCII input; `XDMPattern` falls back to NSRegularExpression for
/// anything else, so semantics never depend on which path ran.
struct XDMSimplePattern: Sendable {
    /// One element of the pattern: a set of bytes repeated between `minimum` and `maximum` times.
    struct Atom: Sendable {
        var accepts: ByteSet
        var minimum: Int
        var maximum: Int
    }

    /// A set of ASCII bytes as a 128-bit mask.
    struct ByteSet: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            let word = byte < 64 ? low : high
            return byte < 128 && (word >> UInt64(byte & 63)) & 1 != 0
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }

        mutating func insert(_ range: ClosedRange<UInt8>) { for byte in range { insert(byte) } }

        mutating func formUnion(_ other: ByteSet) {
            low |= other.low
            high |= other.high
        }

        var inverted: ByteSet { ByteSet(low: ~low, high: ~high) }

        static func single(_ byte: UInt8) -> ByteSet {
            var set = ByteSet()
            set.insert(byte)
            return set
        }
    }

    let atoms: [Atom]
    let anchoredStart: Bool
    let anchoredEnd: Bool

    /// Parses `source`; `nil` when it uses anything outside the supported subset.
    init?(_ source: String) {
        var bytes = Array(source.utf8)[...]
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        anchoredStart = bytes.first == UInt8(ascii: "^")
        if anchoredStart { bytes = bytes.dropFirst() }
        var endAnchor = false
        if bytes.last == UInt8(ascii: "$"), bytes.dropLast().last != UInt8(ascii: "\\") {
            endAnchor = true
            bytes = bytes.dropLast()
        }
        anchoredEnd = endAnchor
        var atoms: [Atom] = []
        while let byte = bytes.popFirst() {
            var set: ByteSet
            switch byte {
            case UInt8(ascii: "\\"):
                guard let escaped = bytes.popFirst(), let parsed = Self.escape(escaped) else { return nil }
                set = parsed
            case UInt8(ascii: "["):
                guard let parsed = Self.characterClass(&bytes) else { return nil }
                set = parsed
            case UInt8(ascii: "."):
                set = ByteSet.single(UInt8(ascii: "\n"))
                set.insert(UInt8(ascii: "\r"))
                set = set.inverted
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"),
                UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "]"):
                return nil
            default:
                set = ByteSet.single(byte)
            }
            guard let (minimum, maximum) = Self.quantifier(&bytes) else { return nil }
            atoms.append(Atom(accepts: set, minimum: minimum, maximum: maximum))
        }
        self.atoms = atoms
    }

    /// Whether the pattern matches `bytes` (all ASCII) anywhere, or whole when anchored.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if anchoredStart { return match(0, bytes, 0) }
        for start in 0...bytes.count where match(0, bytes, start) { return true }
        return false
    }

    private func match(_ atomIndex: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        guard atomIndex < atoms.count else { return !anchoredEnd || Self.isEnd(bytes, position) }
        let atom = atoms[atomIndex]
        var count = 0
        while count < atom.maximum, position + count < bytes.count, atom.accepts.contains(bytes[position + count]) {
            count += 1
        }
        guard count >= atom.minimum else { return false }
        if atomIndex == atoms.count - 1, !anchoredEnd { return true }
        while count >= atom.minimum {
            if match(atomIndex + 1, bytes, position + count) { return true }
            count -= 1
        }
        return false
    }

    /// Where `$` matches. As in ICU (NSRegularExpression) and Java, not only at the very end but
    /// also before a line terminator that ends the input; keeping that rule means a string gets the
    /// same answer whichever matcher runs.
    private static func isEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let remaining = bytes.count - position
        if remaining == 0 { return true }
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        if remaining == 1 { return bytes[position] == lf || bytes[position] == cr }
        return remaining == 2 && bytes[position] == cr && bytes[position + 1] == lf
    }

    private static func escape(_ byte: UInt8) -> ByteSet? {
        var set = ByteSet()
        switch byte {
        case UInt8(ascii: "d"), UInt8(ascii: "D"):
            set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        case UInt8(ascii: "w"), UInt8(ascii: "W"):
            set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
            set.insert(UInt8(ascii: "a")...UInt8(ascii: "z"))
            set.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
            set.insert(UInt8(ascii: "_"))
        case UInt8(ascii: "s"), UInt8(ascii: "S"):
            for space in [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D] as [UInt8] { set.insert(space) }
        case UInt8(ascii: "t"): return .single(0x09)
        case UInt8(ascii: "n"): return .single(0x0A)
        case UInt8(ascii: "r"): return .single(0x0D)
        default:
            // Only punctuation escapes stand for themselves; letters (\b, \p, \u...) are features.
            let isAlphanumeric =
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            return isAlphanumeric ? nil : .single(byte)
        }
        return byte >= UInt8(ascii: "a") ? set : set.inverted
    }

    private static func characterClass(_ bytes: inout ArraySlice<UInt8>) -> ByteSet? {
        var set = ByteSet()
        let negated = bytes.first == UInt8(ascii: "^")
        if negated { bytes = bytes.dropFirst() }
        var first = true
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "]"), !first { return negated ? set.inverted : set }
            first = false
            var low = byte
            if byte == UInt8(ascii: "\\") {
                guard let escaped = bytes.popFirst(), let parsed = escape(escaped) else { return nil }
                let isSingle = parsed.low.nonzeroBitCount + parsed.high.nonzeroBitCount == 1
                if !isSingle {
                    set.formUnion(parsed)
                    continue
                }
                low = UInt8(parsed.low != 0 ? parsed.low.trailingZeroBitCount : 64 + parsed.high.trailingZeroBitCount)
            } else if byte == UInt8(ascii: "[") {
                return nil  // POSIX classes and nested sets
            }
            if bytes.first == UInt8(ascii: "-"), let next = bytes.dropFirst().first, next != UInt8(ascii: "]") {
                guard next != UInt8(ascii: "\\"), next >= low else { return nil }
                bytes = bytes.dropFirst(2)
                set.insert(low...next)
            } else {
                set.insert(low)
            }
        }
        return nil
    }

    private static func quantifier(_ bytes: inout ArraySlice<UInt8>) -> (Int, Int)? {
        var result: (Int, Int)
        switch bytes.first {
        case UInt8(ascii: "*"): result = (0, Int.max)
        case UInt8(ascii: "+"): result = (1, Int.max)
        case UInt8(ascii: "?"): result = (0, 1)
        case UInt8(ascii: "{"):
            guard let close = bytes.firstIndex(of: UInt8(ascii: "}")) else { return nil }
            let body = String(decoding: bytes[bytes.index(after: bytes.startIndex)..<close], as: UTF8.self)
            let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            guard let minimum = Int(parts[0]) else { return nil }
            let maximum = parts.count == 1 ? minimum : parts[1].isEmpty ? Int.max : Int(parts[1])
            guard let maximum, maximum >= minimum else { return nil }
            bytes = bytes[close...]
            result = (minimum, maximum)
        default:
            return (1, 1)
        }
        bytes = bytes.dropFirst()
        // Lazy and possessive quantifiers are features of their own.
        if bytes.first == UInt8(ascii: "?") || bytes.first == UInt8(ascii: "+") { return nil }
        return result
    }
}
