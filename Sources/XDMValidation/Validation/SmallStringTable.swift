/// Finds a string among a fixed set of strings (an object's field names, a string enum) faster
/// than hashing for the small sets schemas have.
///
/// Lookups take UTF-8 bytes (records are validated on a `JSONTape`, which keeps strings as
/// bytes). Comparing precomputed lengths first leaves about one real comparison per lookup; large
/// sets use an open-addressing table on an FNV-1a hash of the bytes instead.
struct SmallStringTable: Sendable {
    let strings: [String]
    private let utf8: [[UInt8]]
    private let lengths: [Int]
    /// Positions + 1 by hash slot (0: empty); only for sets larger than `linearLimit`.
    private let slots: [Int32]

    static let linearLimit = 16

    init(_ strings: [String]) {
        self.strings = strings
        utf8 = strings.map { Array($0.utf8) }
        lengths = utf8.map(\.count)
        guard strings.count > Self.linearLimit else {
            slots = []
            return
        }
        var capacity = 1
        while capacity < strings.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (position, bytes) in utf8.enumerated() {
            var slot = bytes.withUnsafeBufferPointer(Self.hash) & (capacity - 1)
            var duplicate = false
            while slots[slot] != 0 {
                if utf8[Int(slots[slot]) - 1] == bytes { duplicate = true; break }
                slot = (slot + 1) & (capacity - 1)
            }
            // A repeated name keeps its first position, as a linear search would find it.
            if !duplicate { slots[slot] = Int32(position + 1) }
        }
        self.slots = slots
    }

    var isEmpty: Bool { strings.isEmpty }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The position of the string whose UTF-8 bytes are `key`, or `nil`.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        if !slots.isEmpty {
            let mask = slots.count - 1
            var slot = Self.hash(key) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                if lengths[entry - 1] == key.count, utf8[entry - 1].withUnsafeBufferPointer({ $0.elementsEqual(key) }) {
                    return entry - 1
                }
                slot = (slot + 1) & mask
            }
        }
        return lengths.withUnsafeBufferPointer { candidates -> Int? in
            for position in candidates.indices where candidates[position] == key.count {
                if utf8[position].withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return position }
            }
            return nil
        }
    }

    /// The position of `key`, or `nil`.
    func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { index(of: key) != nil }
    func contains(_ key: String) -> Bool { index(of: key) != nil }
}
