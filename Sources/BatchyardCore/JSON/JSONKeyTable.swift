#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a string among a fixed set of strings (an object's field names, a string enum, a lake's
/// columns) faster than `Dictionary` for the small sets schemas have.
///
/// Lookups take UTF-8 bytes, as a `JSONTape` keeps keys and strings. The names are kept in one
/// byte array (no nested arrays, so a lookup retains nothing); comparing lengths first leaves
/// about one real comparison per lookup. Large sets use an open-addressing table on an FNV-1a
/// hash of the bytes instead.
public struct JSONKeyTable: Sendable {
    /// The strings, in the order given.
    public let strings: [String]
    /// Every string's UTF-8 bytes, one after another.
    @usableFromInline let bytes: [UInt8]
    /// Where each string's bytes start in `bytes`, plus the end of the last.
    @usableFromInline let starts: [Int]
    /// Positions + 1 by hash slot (0: empty); only for sets larger than `linearLimit`.
    @usableFromInline let slots: [Int32]

    /// Sets up to this size are searched linearly.
    static let linearLimit = 16

    /// A table of `strings`; a repeated string is found at its first position.
    public init(_ strings: [String]) {
        self.strings = strings
        var bytes: [UInt8] = []
        var starts = [0]
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        guard strings.count > Self.linearLimit else {
            slots = []
            return
        }
        var capacity = 1
        while capacity < strings.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        for position in strings.indices {
            let name = Array(bytes[starts[position]..<starts[position + 1]])
            var slot = name.withUnsafeBufferPointer(Self.hash) & (capacity - 1)
            var duplicate = false
            while slots[slot] != 0 {
                let other = Int(slots[slot]) - 1
                if bytes[starts[other]..<starts[other + 1]].elementsEqual(name) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
            if !duplicate { slots[slot] = Int32(position + 1) }
        }
        self.slots = slots
    }

    public var isEmpty: Bool { strings.isEmpty }

    @inlinable @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The position of the string whose UTF-8 bytes are `key`, or `nil`.
    @inlinable
    public func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts -> Int? in
                @inline(__always) func matches(_ position: Int) -> Bool {
                    let start = starts[position]
                    guard starts[position + 1] - start == key.count else { return false }
                    return key.count == 0 || memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0
                }
                if !slots.isEmpty {
                    return slots.withUnsafeBufferPointer { slots -> Int? in
                        let mask = slots.count - 1
                        var slot = Self.hash(key) & mask
                        while true {
                            let entry = Int(slots[slot])
                            if entry == 0 { return nil }
                            if matches(entry - 1) { return entry - 1 }
                            slot = (slot + 1) & mask
                        }
                    }
                }
                for position in 0..<(starts.count - 1) where matches(position) { return position }
                return nil
            }
        }
    }

    /// The position of `key`, or `nil`.
    public func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }

    @inlinable
    public func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { index(of: key) != nil }
    public func contains(_ key: String) -> Bool { index(of: key) != nil }
}
