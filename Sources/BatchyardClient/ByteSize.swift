/// Sizes as people type them on a command line: `1048576`, `512k`, `64M`, `1G` (binary units).
public enum ByteSize {
    /// The number of bytes `text` means, or `nil` when it is not a positive size.
    public static func parse(_ text: String) -> Int64? {
        let lowered = text.lowercased().trimmingCharactersInWhitespace()
        var digits = Substring(lowered)
        var factor: Int64 = 1
        if let last = digits.last, let scale = ["k": Int64(1024), "m": 1 << 20, "g": 1 << 30][String(last)] {
            factor = scale
            digits.removeLast()
        }
        guard let value = Int64(digits), value > 0, value <= Int64.max / factor else { return nil }
        return value * factor
    }
}
