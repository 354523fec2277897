/// ISO 8601 / RFC 3339 dates and date-times, parsed straight from UTF-8 without Foundation.
///
/// Validation parses every date field of every record, so this avoids `DateFormatter` (slow, and
/// locale-dependent) and works on the string's contiguous bytes.
enum XDMDateCodec {
    /// Days since 1970-01-01 of a strict `YYYY-MM-DD`; `nil` if malformed or not a real day.
    static func parseDate(_ string: String) -> Int64? {
        var copy = string
        return copy.withUTF8 { parseDate($0) }
    }

    static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 10 else { return nil }
        return date(bytes, at: 0)
    }

    /// Epoch milliseconds (UTC) of a date-time: `YYYY-MM-DD`, `T` (or `t` or a space),
    /// `hh:mm[:ss[.fraction]]`, then `Z` or `±hh:mm` (`±hhmm`, `±hh`). Without an offset the time is
    /// taken as UTC. Fractions beyond milliseconds are truncated.
    static func parseDateTime(_ string: String) -> Int64? {
        var copy = string
        return copy.withUTF8 { parseDateTime($0) }
    }

    static func parseDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count >= 16, let days = date(bytes, at: 0) else { return nil }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return nil }
        guard let hour = digits(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = digits(bytes, 14, 2),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second: Int64 = 0
        var millis: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let parsed = digits(bytes, index + 1, 2), parsed <= 60 else { return nil }
            second = min(parsed, 59)  // a leap second is stored as :59
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var scale: Int64 = 100
                let start = index
                while index < bytes.count, let digit = digitValue(bytes[index]) {
                    millis += digit * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        var offsetMinutes: Int64 = 0
        if index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let offsetHours = digits(bytes, index + 1, 2), offsetHours < 24 else { return nil }
                index += 3
                var offsetMins: Int64 = 0
                if index < bytes.count {
                    if bytes[index] == UInt8(ascii: ":") { index += 1 }
                    guard let parsed = digits(bytes, index, 2), parsed < 60 else { return nil }
                    offsetMins = parsed
                    index += 2
                }
                offsetMinutes = (offsetHours * 60 + offsetMins) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return seconds * 1_000 + millis
    }

    /// `YYYY-MM-DD` for the UTC day containing `epochMillis`.
    static func formatDate(epochMillis: Int64) -> String {
        let days = epochMillis >= 0 ? epochMillis / 86_400_000 : -((-epochMillis + 86_399_999) / 86_400_000)
        return formatDate(days: days)
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` for `epochMillis` (UTC).
    static func formatDateTime(epochMillis: Int64) -> String {
        let days = epochMillis >= 0 ? epochMillis / 86_400_000 : -((-epochMillis + 86_399_999) / 86_400_000)
        let millisOfDay = epochMillis - days * 86_400_000
        func two(_ value: Int64) -> String { value < 10 ? "0" + String(value) : String(value) }
        let millis = millisOfDay % 1000
        return formatDate(days: days) + "T" + two(millisOfDay / 3_600_000) + ":" + two(millisOfDay / 60_000 % 60) + ":"
            + two(millisOfDay / 1000 % 60) + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + String(millis) + "Z"
    }

    /// `YYYY-MM-DD` for a day number (days since 1970-01-01).
    static func formatDate(days: Int64) -> String {
        let (year, month, day) = civil(fromDays: days)
        var text = ""
        if year < 0 { text.append("-") }
        let absYear = abs(year)
        if absYear < 1000 { text.append(String(repeating: "0", count: absYear < 10 ? 3 : absYear < 100 ? 2 : 1)) }
        text.append(String(absYear))
        text.append(month < 10 ? "-0" : "-")
        text.append(String(month))
        text.append(day < 10 ? "-0" : "-")
        text.append(String(day))
        return text
    }

    private static func date(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int64? {
        guard let year = digits(bytes, start, 4), bytes[start + 4] == UInt8(ascii: "-"),
            let month = digits(bytes, start + 5, 2), bytes[start + 7] == UInt8(ascii: "-"),
            let day = digits(bytes, start + 8, 2), (1...12).contains(month), day >= 1,
            day <= daysInMonth(year: year, month: month)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    private static func digitValue(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int64? {
        guard start + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for index in start..<(start + count) {
            guard let digit = digitValue(bytes[index]) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days-from-civil and its inverse (proleptic Gregorian calendar).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
