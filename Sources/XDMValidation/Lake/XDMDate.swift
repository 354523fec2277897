/// Conversions between the date representations of coerced records and the lake's.
///
/// Coerced records hold `date` fields as `"YYYY-MM-DD"` and `date-time` fields as epoch
/// milliseconds (see `RecordValidator`); Parquet's DATE wants days since the epoch.
public enum XDMDate {
    /// Days since 1970-01-01 of a `YYYY-MM-DD` string; `nil` if it is not a real date.
    public static func epochDays(from date: String) -> Int64? {
        XDMDateCodec.parseDate(date)
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD` in UTF-8 bytes; `nil` if it is not a real date.
    public static func epochDays(from bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        XDMDateCodec.parseDate(bytes)
    }

    /// `YYYY-MM-DD` for days since 1970-01-01.
    public static func string(fromEpochDays days: Int64) -> String {
        XDMDateCodec.formatDate(days: days)
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC) for epoch milliseconds: how a lake TIMESTAMP reads back.
    public static func dateTimeString(fromEpochMillis millis: Int64) -> String {
        XDMDateCodec.formatDateTime(epochMillis: millis)
    }

    /// Epoch milliseconds (UTC) of an ISO 8601 / RFC 3339 date-time, as validation parses it.
    public static func epochMillis(fromDateTime text: String) -> Int64? {
        XDMDateCodec.parseDateTime(text)
    }
}
