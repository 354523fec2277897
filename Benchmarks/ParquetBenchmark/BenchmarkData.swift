import Parquet

/// The benchmark's record: an XDM ExperienceEvent slice with 22 leaf columns (strings and numbers,
/// nested structs and a list of structs), generated deterministically.
enum BenchmarkData {
    static func schema() throws -> ParquetSchema {
        try ParquetSchema([
            .string("_id", .required),
            .timestamp("timestamp", .required),
            .string("eventType"),
            .group("web", [
                .group("webPageDetails", [.string("name"), .string("URL"), .group("pageViews", [.double("value")])]),
            ]),
            .group("device", [.string("type"), .int32("screenWidth"), .int32("screenHeight")]),
            .group("environment", [
                .group("browserDetails", [.string("name"), .string("version")]),
                .group("geo", [.string("city"), .double("latitude"), .double("longitude")]),
            ]),
            .group("commerce", [.group("order", [.double("priceTotal"), .string("currencyCode")])]),
            .list("productListItems", element: .group("item", [.string("SKU"), .int64("quantity"), .double("priceTotal")])),
            .group("_tenant", [.group("loyalty", [.int64("points"), .string("tier")])]),
        ])
    }

    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    static let eventTypes = ["web.webpagedetails.pageViews", "commerce.productViews", "commerce.purchases", "web.webinteraction.linkClicks"]
    static let pages = (0..<500).map { "Page \($0)" }
    static let cities = ["Basel", "Zürich", "Berlin", "San José", "東京", "Paris", "New York", "Lagos"]
    static let browsers = ["Chrome", "Firefox", "Safari", "Edge"]
    static let devices = ["Mobile", "Desktop", "Tablet"]
    static let currencies = ["USD", "EUR", "CHF", "JPY"]
    static let tiers = ["bronze", "silver", "gold", "platinum"]

    static func row(_ i: Int, _ g: inout Generator) -> ParquetValue {
        let page = pages[g.int(pages.count)]
        var items: [ParquetValue] = []
        for _ in 0..<g.int(4) {
            items.append(.object([
                "SKU": .string("SKU-\(g.int(100_000))"),
                "quantity": .int(Int64(1 + g.int(5))),
                "priceTotal": .double(Double(g.int(100_000)) / 100),
            ]))
        }
        return .object([
            "_id": .string("evt-\(i)-\(g.next() % 1_000_000_000)"),
            "timestamp": .int(1_700_000_000_000_000 + Int64(i) * 1000 + Int64(g.int(1000))),
            "eventType": .string(eventTypes[g.int(eventTypes.count)]),
            "web": .object(["webPageDetails": .object([
                "name": .string(page),
                "URL": .string("https://shop.example.com/\(page.lowercased().replacingOccurrences(of: " ", with: "-"))"),
                "pageViews": .object(["value": .double(1)]),
            ])]),
            "device": g.int(10) == 0 ? .null : .object([
                "type": .string(devices[g.int(devices.count)]),
                "screenWidth": .int(Int64([375, 768, 1280, 1920][g.int(4)])),
                "screenHeight": .int(Int64([667, 1024, 800, 1080][g.int(4)])),
            ]),
            "environment": .object([
                "browserDetails": .object([
                    "name": .string(browsers[g.int(browsers.count)]),
                    "version": .string("\(100 + g.int(30)).0.\(g.int(5000))"),
                ]),
                "geo": .object([
                    "city": .string(cities[g.int(cities.count)]),
                    "latitude": .double(g.double() * 180 - 90),
                    "longitude": .double(g.double() * 360 - 180),
                ]),
            ]),
            "commerce": items.isEmpty ? .null : .object(["order": .object([
                "priceTotal": .double(Double(g.int(1_000_000)) / 100),
                "currencyCode": .string(currencies[g.int(currencies.count)]),
            ])]),
            "productListItems": .list(items),
            "_tenant": .object(["loyalty": .object([
                "points": .int(Int64(g.int(100_000))),
                "tier": g.int(5) == 0 ? .null : .string(tiers[g.int(tiers.count)]),
            ])]),
        ])
    }
}
