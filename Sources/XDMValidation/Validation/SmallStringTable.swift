/// Finds a string among a fixed set of strings (an object's field names, a string enum) faster
/// than hashing for the small sets schemas have.
///
/// Hashing a key with `Hasher` costs a few hundred instructions, and `String ==` on two different
/// strings goes through an out-of-line comparison; comparing precomputed UTF-8 lengths first leaves
/// about one real comparison per lookup (adding the first byte cost more than it saved: reading it
/// from a `String` is not free). Measured on the benchmark schema,
/// field lookup was the largest cost after reference counting. Large sets fall back to a dictionary.
struct SmallStringTable: Sendable {
    let strings: [String]
    private let signatures: [Int]
    private let dictionary: [String: Int]?

    static let linearLimit = 24

    init(_ strings: [String]) {
        self.strings = strings
        signatures = strings.map(Self.signature)
        dictionary =
            strings.count > Self.linearLimit
            ? Dictionary(strings.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) : nil
    }

    var isEmpty: Bool { strings.isEmpty }

    @inline(__always)
    static func signature(_ string: String) -> Int {
        string.utf8.count
    }

    /// The position of `key`, or `nil`.
    @inline(__always)
    func index(of key: String) -> Int? {
        if let dictionary { return dictionary[key] }
        let signature = Self.signature(key)
        return signatures.withUnsafeBufferPointer { candidates -> Int? in
            strings.withUnsafeBufferPointer { names -> Int? in
                for position in candidates.indices where candidates[position] == signature && names[position] == key {
                    return position
                }
                return nil
            }
        }
    }

    func contains(_ key: String) -> Bool { index(of: key) != nil }
}
