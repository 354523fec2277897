/// Decimal values as exact text, so the value model never rounds a DECIMAL through a Double.
enum DecimalText {
    static func format(unscaled: Int64, scale: Int) -> String {
        let negative = unscaled < 0
        let digits = String(unscaled.magnitude)
        return place(digits, negative: negative, scale: scale)
    }

    /// Formats a big-endian two's-complement unscaled integer of any width.
    static func format(bigEndian bytes: [UInt8], scale: Int) -> String {
        guard !bytes.isEmpty else { return "0" }
        let negative = bytes[0] & 0x80 != 0
        var mag = bytes
        if negative {
            // Two's complement negate: invert and add one.
            for i in mag.indices { mag[i] = ~mag[i] }
            var i = mag.count - 1
            while i >= 0 {
                let (s, o) = mag[i].addingReportingOverflow(1)
                mag[i] = s
                if !o { break }
                i -= 1
            }
        }
        var digits: [UInt8] = []
        while mag.contains(where: { $0 != 0 }) {
            var rem = 0
            for i in mag.indices {
                let cur = rem << 8 | Int(mag[i])
                mag[i] = UInt8(cur / 10)
                rem = cur % 10
            }
            digits.append(UInt8(ascii: "0") + UInt8(rem))
        }
        if digits.isEmpty { digits = [UInt8(ascii: "0")] }
        return place(String(decoding: digits.reversed(), as: UTF8.self), negative: negative, scale: scale)
    }

    private static func place(_ digits: String, negative: Bool, scale: Int) -> String {
        var d = digits
        if scale > 0 {
            if d.count <= scale { d = String(repeating: "0", count: scale - d.count + 1) + d }
            d.insert(".", at: d.index(d.endIndex, offsetBy: -scale))
        } else if scale < 0 {
            d += String(repeating: "0", count: -scale)
        }
        return negative ? "-" + d : d
    }

    /// The unscaled integer of a value given as decimal text, an integer or a double.
    static func unscaled(_ v: ParquetValue, scale: Int) -> Int64? {
        switch v {
        case .int(let x):
            var r = x
            for _ in 0..<max(0, scale) {
                let (m, o) = r.multipliedReportingOverflow(by: 10)
                if o { return nil }
                r = m
            }
            return r
        case .double(let d):
            var p = 1.0
            for _ in 0..<max(0, scale) { p *= 10 }
            return Int64(exactly: (d * p).rounded())
        case .string(let s):
            var negative = false
            var intPart: Int64 = 0
            var fracDigits = 0
            var seenDot = false
            var any = false
            for (i, c) in s.utf8.enumerated() {
                if i == 0 && (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) {
                    negative = c == UInt8(ascii: "-")
                    continue
                }
                if c == UInt8(ascii: ".") && !seenDot { seenDot = true; continue }
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                any = true
                if seenDot {
                    fracDigits += 1
                    if fracDigits > scale { if c != UInt8(ascii: "0") { return nil } else { continue } }
                }
                let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(c - UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                intPart = a
            }
            guard any else { return nil }
            for _ in min(fracDigits, scale)..<max(scale, min(fracDigits, scale)) {
                let (m, o) = intPart.multipliedReportingOverflow(by: 10)
                if o { return nil }
                intPart = m
            }
            return negative ? -intPart : intPart
        default:
            return nil
        }
    }
}
