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
public struct JSONKeyTable: @unchecked Sendable {  // immutable after init; `storage` owns the memory
    /// The strings, in the order given.
    public let strings: [String]
    /// Owns the memory the pointers below read; they are plain pointers so that a lookup from a
    /// class's stored table retains nothing (array fields would be retained and released per call).
    private let storage: Storage
    /// Every string's UTF-8 bytes, one after another.
    @usableFromInline let bytes: UnsafePointer<UInt8>
    /// Where each string's bytes start in `bytes`, plus the end of the last (`count + 1` entries).
    @usableFromInline let starts: UnsafePointer<Int>
    @usableFromInline let count: Int
    /// Positions + 1 by hash slot (0: empty); `slotCount` is 0 for sets up to `linearLimit`.
    @usableFromInline let slots: UnsafePointer<Int32>
    @usableFromInline let slotCount: Int

    private final class Storage: @unchecked Sendable {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let starts: UnsafeMutableBufferPointer<Int>
        let slots: UnsafeMutableBufferPointer<Int32>

        init(bytes: [UInt8], starts: [Int], slots: [Int32]) {
            self.bytes = .allocate(capacity: max(1, bytes.count))
            _ = self.bytes.initialize(from: bytes)
            self.starts = .allocate(capacity: starts.count)
            _ = self.starts.initialize(from: starts)
            self.slots = .allocate(capacity: max(1, slots.count))
            _ = self.slots.initialize(from: slots)
        }

        deinit {
            bytes.deallocate()
            starts.deallocate()
            slots.deallocate()
        }
    }

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
        var slots: [Int32] = []
        if strings.count > Self.linearLimit {
            var capacity = 1
            while capacity < strings.count * 2 { capacity <<= 1 }
            slots = [Int32](repeating: 0, count: capacity)
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
        }
        storage = Storage(bytes: bytes, starts: starts, slots: slots)
        self.bytes = UnsafePointer(storage.bytes.baseAddress!)
        self.starts = UnsafePointer(storage.starts.baseAddress!)
        self.slots = UnsafePointer(storage.slots.baseAddress!)
        count = strings.count
        slotCount = slots.count
    }

    public var isEmpty: Bool { count == 0 }

    @inlinable @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    @inlinable @inline(__always)
    func matches(_ position: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[position]
        guard starts[position + 1] - start == key.count else { return false }
        return key.count == 0 || Self.equal(UnsafeRawPointer(bytes + start), UnsafeRawPointer(key.baseAddress!), key.count)
    }

    /// Compares `count` bytes; names are short, so up to 16 bytes take two overlapping word
    /// loads instead of a call to `memcmp`.
    @inlinable @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        switch count {
        case 8...16:
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        case 0..<4:
            for offset in 0..<count where a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            return true
        default:
            return memcmp(a, b, count) == 0
        }
    }

    /// The position of the string whose UTF-8 bytes are `key`, or `nil`.
    @inlinable @inline(__always)
    public func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        if slotCount > 0 {
            let mask = slotCount - 1
            var slot = Self.hash(key) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                if matches(entry - 1, key) { return entry - 1 }
                slot = (slot + 1) & mask
            }
        }
        for position in 0..<count where matches(position, key) { return position }
        return nil
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
