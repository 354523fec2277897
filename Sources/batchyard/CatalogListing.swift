import BatchyardCore
import Foundation

/// Helpers for showing Catalog listings (`{id: object, …}`) as tables.
enum CatalogListing {
    /// The objects, newest first.
    static func sorted(_ answer: JSONValue) -> [(String, JSONValue)] {
        (answer.objectValue ?? [:]).sorted {
            let left = $0.value["created"]?.int64Value ?? 0
            let right = $1.value["created"]?.int64Value ?? 0
            return left == right ? $0.key < $1.key : left > right
        }
    }

    /// An epoch-millisecond value as UTC `2026-11-29 19:20:01`.
    static func time(_ value: JSONValue?) -> String {
        guard let millis = value?.int64Value else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
