import Testing

@testable import XDMValidation

@Suite("ISO 8601 date codec")
struct XDMDateCodecTests {
    @Test func roundTripsEveryDayOverFourCenturies() {
        // 1600-01-01 to 2400-01-01 covers every leap-year rule.
        for days in Int64(-135_140)...Int64(157_100) {
            let text = XDMDateCodec.formatDate(days: days)
            #expect(XDMDateCodec.parseDate(text) == days)
            if XDMDateCodec.parseDate(text) != days { return }
        }
    }

    @Test func knownDates() {
        #expect(XDMDateCodec.parseDate("1970-01-01") == 0)
        #expect(XDMDateCodec.parseDate("2000-03-01") == 11_017)
        #expect(XDMDateCodec.formatDate(days: -1) == "1969-12-31")
        #expect(XDMDateCodec.formatDate(epochMillis: -1) == "1969-12-31")
        #expect(XDMDateCodec.formatDate(epochMillis: 86_399_999) == "1970-01-01")
        #expect(XDMDateCodec.formatDate(days: 2_932_896) == "9999-12-31")
        #expect(XDMDateCodec.formatDate(days: -719_528) == "0000-01-01")
    }

    @Test func rejectsImpossibleDates() {
        for text in ["1900-02-29", "2021-04-31", "2021-00-10", "2021-01-00", "20210101", "2021-01-1", "２０２１-01-01"] {
            #expect(XDMDateCodec.parseDate(text) == nil, "\(text)")
        }
        #expect(XDMDateCodec.parseDate("2000-02-29") == 11_016)
    }

    @Test func dateTimeOffsets() {
        #expect(XDMDateCodec.parseDateTime("1970-01-01T00:00:00+01:00") == -3_600_000)
        #expect(XDMDateCodec.parseDateTime("1970-01-01T00:00:00-0130") == 5_400_000)
        #expect(XDMDateCodec.parseDateTime("1970-01-01T00:00:00+01") == -3_600_000)
        #expect(XDMDateCodec.parseDateTime("1970-01-01T00:00:60Z") == 59_000, "leap second kept in its minute")
        #expect(XDMDateCodec.parseDateTime("1970-01-01T00:00:00,25Z") == 250)
        #expect(XDMDateCodec.parseDateTime("1970-01-01T00:00:00Zjunk") == nil)
        #expect(XDMDateCodec.parseDateTime("1970-01-01T24:00:00Z") == nil)
    }
}
