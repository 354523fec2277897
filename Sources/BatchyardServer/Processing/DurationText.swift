import Foundation
/// Durations as the command line writes them: `24h`, `90m`, `30s`, `500ms`, or plain seconds.
public enum DurationText {
    /// The duration in milliseconds, or `nil` when the text is not one.
    public static func milliseconds(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (suffix, factor) in [("ms", 1.0), ("h", 3_600_000.0), ("m", 60_000.0), ("s", 1_000.0), ("d", 86_400_000.0)]
        where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count)), value >= 0 else { return nil }
            return Int64(value * factor)
        }
        guard let seconds = Double(trimmed), seconds >= 0 else { return nil }
        return Int64(seconds * 1_000)
    }
}
