@testable import BatchyardServer
import BatchyardCore
import BatchyardTestSupport
import Foundation
import Parquet
import Testing

/// Previews show DATE and TIMESTAMP columns as the ISO-8601 text the records held, not as
/// Parquet's day and tick counts.
@Suite("Preview values")
struct PreviewValueTests {
    /// How one DATE or TIMESTAMP value of a lake file reads in a preview.
    static func preview(_ value: Int64, _ field: ParquetField) -> String {
        ParquetValue.object([field.name: .int(value)]).jsonValue(fields: [field])[field.name]?.stringValue ?? "(not text)"
    }

    @Test("dates and timestamps as ISO-8601 text", arguments: [
        (preview(0, .date("d")), "1970-01-01"),
        (preview(-1, .date("d")), "1969-12-31"),
        (preview(18_690, .date("d")), "2021-03-04"),
        (preview(11_016, .date("d")), "2000-02-29"),
        (preview(1_614_852_000_123, .timestamp("t", unit: .millis)), "2021-03-04T10:00:00.123Z"),
        (preview(1_614_852_000_123_456, .timestamp("t", unit: .micros)), "2021-03-04T10:00:00.123Z"),
        (preview(-1, .timestamp("t", unit: .micros)), "1969-12-31T23:59:59.999Z"),
        (preview(5, .timestamp("t", unit: .nanos)), "1970-01-01T00:00:00.000Z"),
    ])
    func formats(actual: String, expected: String) {
        #expect(actual == expected)
    }

    @Test("random days and millis agree with Foundation's Gregorian calendar")
    func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let millis = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(millis.floorDiv(1000))))
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!,
                                  parts.hour!, parts.minute!, parts.second!, Int(millis - millis.floorDiv(1000) * 1000))
            #expect(Self.preview(millis, .timestamp("t", unit: .millis)) == expected)
        }
    }

    @Test("nested groups, lists and maps carry their fields' types down")
    func nested() {
        let fields: [ParquetField] = [
            .string("name"),
            .group("person", [.date("joined"), .int64("points")]),
            .list("seen", element: .timestamp("at", unit: .millis)),
            .map("firsts", key: .string("k"), value: .date("v")),
        ]
        let row = ParquetValue.object([
            "name": .string("Ada"),
            "person": .object(["joined": .int(18_690), "points": .int(7)]),
            "seen": .list([.int(0), .null]),
            "firsts": .map([ParquetMapEntry(key: .string("x"), value: .int(1))]),
        ])
        let json = row.jsonValue(fields: fields)
        #expect(json["name"] == "Ada")
        #expect(json["person"]?["joined"] == "2021-03-04")
        #expect(json["person"]?["points"] == .int(7))
        #expect(json["seen"] == .array([.string("1970-01-01T00:00:00.000Z"), .null]))
        #expect(json["firsts"]?["x"] == "1970-01-02")
        #expect(row.jsonValue["person"]?["joined"] == .int(18_690))
    }
}

extension Int64 {
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && self < 0) ? quotient - 1 : quotient
    }
}
