extension JSONValue {
    /// The compact JSON text of this value: no whitespace, object keys sorted so equal values always
    /// serialize to identical bytes (stable ETags, comparable fixtures, reproducible files).
    ///
    /// Doubles use Swift's shortest round-tripping form, which keeps a `.0` on integral values below
    /// 2^53 (`5.0`) and uses an exponent beyond (`1e+16`), so `.double` parses back as `.double`.
    /// NaN and infinities, which JSON cannot express, are written as `null`.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The compact JSON text of this value as UTF-8 bytes; see `serialized()`.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        write(to: &output)
        return output
    }

    /// Appends the compact JSON text of this value to `output`, for writers that build one buffer
    /// out of many values (JSON Lines, list responses).
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null: Self.append("null", to: &output)
        case .bool(let value): Self.append(value ? "true" : "false", to: &output)
        case .int(let value): Self.writeInteger(value, to: &output)
        case .double(let value):
            Self.writeDouble(value, to: &output)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            if members.count <= Self.sortInPlaceLimit {
                Self.writeMembers(members, to: &output)
            } else {
                var first = true
                for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                    if !first { output.append(UInt8(ascii: ",")) }
                    first = false
                    Self.writeString(key, to: &output)
                    output.append(UInt8(ascii: ":"))
                    value.write(to: &output)
                }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeDouble(_ value: Double, to output: inout [UInt8]) {
        if value.isFinite {
            output.append(contentsOf: value.description.utf8)
        } else {
            append("null", to: &output)
        }
    }

    /// Objects up to this size are written through `writeMembers`; insertion sort is quadratic.
    static let sortInPlaceLimit = 24

    /// Writes the members of a small object in key order. Their positions are sorted (insertion
    /// sort in a stack buffer), not copies of the pairs: ingestion writes every nested object of a
    /// schemaless record as JSON text, and copying the pairs (an allocation and a retain per
    /// member) was a large part of that.
    private static func writeMembers(_ members: [String: JSONValue], to output: inout [UInt8]) {
        typealias Entry = (key: String, position: Dictionary<String, JSONValue>.Index)
        withUnsafeTemporaryAllocation(of: Entry.self, capacity: max(1, members.count)) { order in
            let entries = order.baseAddress!
            var filled = 0
            var index = members.startIndex
            while index != members.endIndex {
                let key = members.keys[index]
                var slot = filled
                while slot > 0, key < entries[slot - 1].key { slot -= 1 }
                if slot < filled { (entries + slot + 1).moveInitialize(from: entries + slot, count: filled - slot) }
                (entries + slot).initialize(to: (key, index))
                filled += 1
                members.formIndex(after: &index)
            }
            for slot in 0..<filled {
                if slot > 0 { output.append(UInt8(ascii: ",")) }
                writeString(entries[slot].key, to: &output)
                output.append(UInt8(ascii: ":"))
                members.values[entries[slot].position].write(to: &output)
            }
            entries.deinitialize(count: filled)
        }
    }

    static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    static func writeInteger(_ value: Int64, to output: inout [UInt8]) {
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for position in stride(from: count - 1, through: 0, by: -1) {
                output.append(buffer[position])
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { writeString($0, to: &output) }
    }

    /// Writes UTF-8 bytes as a JSON string; runs of bytes that need no escape are copied at once.
    static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        for position in 0..<bytes.count {
            let byte = bytes[position]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < position {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            }
            writeEscaped(byte, to: &output)
            runStart = position + 1
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(byte)
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
        case 0..<0x20:
            output.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
            ])
        default: output.append(byte)
        }
    }
}
