/// Parses the RFC 3339 / ISO 8601 text XDM uses for `date` and `date-time`, so JSON records can be
/// written to DATE and TIMESTAMP columns without a conversion step.
enum DateText {
    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func number(_ u: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= u.count else { return nil }
        var n = 0
        for i in start..<start + count {
            let c = u[i]
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }

    /// `YYYY-MM-DD` → days since the epoch.
    static func parseDate(_ s: String) -> Int64? {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45, let y = number(u, 0, 4), let m = number(u, 5, 2),
              let d = number(u, 8, 2), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return Int64(days(year: y, month: m, day: d))
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (or a bare date) → ticks of `unit` since the epoch.
    static func parseTimestamp(_ s: String, unit: TimeUnit) -> Int64? {
        let u = Array(s.utf8)
        guard u.count >= 10, let date = parseDate(String(decoding: u[0..<10], as: UTF8.self)) else { return nil }
        var seconds = date * 86_400
        var nanos: Int64 = 0
        if u.count > 10 {
            guard u.count >= 19, u[10] == 84 || u[10] == 116 || u[10] == 32, u[13] == 58, u[16] == 58,
                  let h = number(u, 11, 2), let mi = number(u, 14, 2), let se = number(u, 17, 2),
                  h < 24, mi < 60, se < 61 else { return nil }
            seconds += Int64(h * 3600 + mi * 60 + se)
            var i = 19
            if i < u.count, u[i] == 46 {
                i += 1
                var digits = 0
                while i < u.count, u[i] >= 48, u[i] <= 57 {
                    if digits < 9 {
                        nanos = nanos * 10 + Int64(u[i] - 48)
                        digits += 1
                    }
                    i += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<9 { nanos *= 10 }
            }
            if i < u.count {
                if u[i] == 90 || u[i] == 122 {
                    i += 1
                } else if u[i] == 43 || u[i] == 45, let oh = number(u, i + 1, 2), let om = number(u, i + 4, 2), u[i + 3] == 58 {
                    let offset = Int64(oh * 3600 + om * 60)
                    seconds += u[i] == 43 ? -offset : offset
                    i += 6
                } else {
                    return nil
                }
            }
            guard i == u.count else { return nil }
        }
        let (scaled, overflow): (Int64, Bool)
        switch unit {
        case .millis: (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        case .micros: (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        case .nanos: (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        }
        guard !overflow else { return nil }
        let fraction: Int64 = switch unit {
        case .millis: nanos / 1_000_000
        case .micros: nanos / 1000
        case .nanos: nanos
        }
        return scaled.addingReportingOverflow(fraction).overflow ? nil : scaled + fraction
    }
}
