import Testing
@testable import BatchyardCore

/// Name lookup must find exactly the names given, whatever their lengths (the comparison takes
/// words of different sizes by length) and however many there are (linear or hashed).
@Suite("JSON key table")
struct JSONKeyTableTests {
    private func index(_ table: JSONKeyTable, _ key: [UInt8]) -> Int? {
        key.withUnsafeBufferPointer { table.index(of: $0) }
    }

    @Test("names that differ in one byte at any position are told apart", arguments: [3, 16, 17, 60])
    func oneByteDifferences(size: Int) {
        var rng = SeededGenerator(seed: UInt64(size))
        for _ in 0..<40 {
            // Names of random lengths 0...40 over a small alphabet, so near misses are common.
            var names: [String] = []
            while names.count < size {
                let length = Int.random(in: 0...40, using: &rng)
                let name = String((0..<length).map { _ in "abc".randomElement(using: &rng)! })
                if !names.contains(name) { names.append(name) }
            }
            let table = JSONKeyTable(names)
            for (position, name) in names.enumerated() {
                let bytes = Array(name.utf8)
                #expect(index(table, bytes) == position)
                // Every one-byte change, every truncation and one extension is found only if it is
                // itself a name.
                for offset in bytes.indices {
                    var changed = bytes
                    changed[offset] = changed[offset] == 0x61 ? 0x7A : 0x61
                    #expect(index(table, changed) == names.firstIndex(of: String(decoding: changed, as: UTF8.self)))
                }
                for length in 0..<bytes.count {
                    let prefix = Array(bytes[..<length])
                    #expect(index(table, prefix) == names.firstIndex(of: String(decoding: prefix, as: UTF8.self)))
                }
                let longer = bytes + [0x61]
                #expect(index(table, longer) == names.firstIndex(of: String(decoding: longer, as: UTF8.self)))
            }
        }
    }

    @Test("an empty name, non-ASCII names and a repeated name (found at its first position)")
    func edgeNames() {
        let table = JSONKeyTable(["", "é", "naïve", "x", "x"])
        #expect(table.index(of: "") == 0)
        #expect(table.index(of: "é") == 1)
        #expect(table.index(of: "naïve") == 2)
        #expect(table.index(of: "x") == 3)
        #expect(table.index(of: "naive") == nil)
        #expect(JSONKeyTable([]).index(of: "") == nil)
    }
}
