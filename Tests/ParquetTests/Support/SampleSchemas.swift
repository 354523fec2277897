@testable import Parquet

/// Schemas shared by the interop and property tests.
enum SampleSchemas {
    /// Every primitive and logical type the writer supports, with all three repetitions.
    static func allTypes() throws -> ParquetSchema {
        try ParquetSchema([
            .int64("id", .required),
            .bool("flag"),
            .int32("i8", logicalType: .integer(bitWidth: 8, isSigned: true)),
            .int32("i16", logicalType: .integer(bitWidth: 16, isSigned: true)),
            .int32("i32"),
            .int64("i64"),
            .int32("u8", logicalType: .integer(bitWidth: 8, isSigned: false)),
            .int32("u16", logicalType: .integer(bitWidth: 16, isSigned: false)),
            .int32("u32", logicalType: .integer(bitWidth: 32, isSigned: false)),
            .float("f32"),
            .double("f64"),
            .string("text"),
            .primitive("choice", .byteArray, logicalType: .enumeration),
            .primitive("doc", .byteArray, logicalType: .json),
            .primitive("uid", .fixedLenByteArray, logicalType: .uuid, typeLength: 16),
            .binary("blob"),
            .primitive("fixed3", .fixedLenByteArray, typeLength: 3),
            .date("day"),
            .timestamp("ts_ms", unit: .millis),
            .timestamp("ts_us"),
            .timestamp("ts_local", isAdjustedToUTC: false),
            .int32("t_ms", logicalType: .time(unit: .millis, isAdjustedToUTC: true)),
            .int64("t_us", logicalType: .time(unit: .micros, isAdjustedToUTC: true)),
            .primitive("dec9", .int32, logicalType: .decimal(precision: 9, scale: 2)),
            .primitive("dec18", .int64, logicalType: .decimal(precision: 18, scale: 4)),
            .primitive("dec20", .fixedLenByteArray, logicalType: .decimal(precision: 20, scale: 3), typeLength: 9),
            .string("req_text", .required),
            .list("list_of_lists", element: .list("inner", element: .int32("x"))),
            .map("map_of_structs", key: .string("k", .required), value: .group("v", [.double("a"), .string("b")])),
        ])
    }

    /// An XDM ExperienceEvent-shaped record: 70 leaves, up to six levels deep, lists of structs
    /// holding lists, maps of lists.
    static func xdmEvent() throws -> ParquetSchema {
        try ParquetSchema([
            .string("_id", .required),
            .timestamp("timestamp", .required),
            .string("eventType"),
            .string("producedBy"),
            .map("identityMap", key: .string("ns", .required), value: .list("ids", element: .group("id", [
                .string("id"), .string("authenticatedState"), .bool("primary"),
            ]))),
            .group("web", [
                .group("webPageDetails", [
                    .string("name"), .string("URL"), .string("server"), .string("siteSection"), .bool("isHomePage"),
                    .group("pageViews", [.double("value")]),
                ]),
                .group("webReferrer", [.string("URL"), .string("type")]),
                .group("webInteraction", [.string("name"), .string("type"), .string("URL"), .group("linkClicks", [.double("value")])]),
            ]),
            .group("device", [
                .string("manufacturer"), .string("model"), .string("modelNumber"), .string("type"),
                .int32("colorDepth"), .int32("screenHeight"), .int32("screenWidth"), .string("screenOrientation"),
            ]),
            .group("environment", [
                .string("type"),
                .group("browserDetails", [
                    .string("name"), .string("version"), .string("vendor"), .string("userAgent"),
                    .bool("javaScriptEnabled"), .int32("viewportHeight"), .int32("viewportWidth"), .bool("cookiesEnabled"),
                ]),
                .string("operatingSystem"), .string("operatingSystemVersion"), .string("ipV4"), .string("language"),
                .group("geo", [
                    .string("city"), .string("countryCode"), .string("postalCode"), .string("stateProvince"),
                    .group("_schema", [.double("latitude"), .double("longitude"), .double("elevation")]),
                ]),
            ]),
            .group("commerce", [
                .group("order", [
                    .double("priceTotal"), .string("currencyCode"), .string("purchaseID"),
                    .list("payments", element: .group("payment", [
                        .string("paymentType"), .double("paymentAmount"), .string("currencyCode"), .string("transactionID"),
                    ])),
                ]),
                .group("productViews", [.double("value")]),
                .group("checkouts", [.double("value")]),
                .group("purchases", [.double("value")]),
            ]),
            .list("productListItems", element: .group("item", [
                .string("SKU"), .string("name"), .int64("quantity"), .double("priceTotal"), .string("currencyCode"),
                .string("productAddMethod"),
                .list("selectedOptions", element: .group("option", [.string("attribute"), .string("value")])),
            ])),
            .group("marketing", [.string("trackingCode"), .string("campaignGroup"), .string("campaignName")]),
            .group("_tenant", [
                .group("loyalty", [
                    .string("tier"), .int64("points"), .date("memberSince"), .bool("active"),
                    .list("scores", element: .double("score")),
                ]),
                .map("preferences", key: .string("k", .required), value: .string("v")),
                .group("customDimensions", [
                    .map("eVars", key: .string("k", .required), value: .string("v")),
                    .map("props", key: .string("k", .required), value: .string("v")),
                    .map("listProps", key: .string("k", .required), value: .list("l", element: .string("e"))),
                ]),
                .group("amounts", [.primitive("amount", .int64, logicalType: .decimal(precision: 18, scale: 2))]),
                .group("session", [
                    .primitive("id", .fixedLenByteArray, logicalType: .uuid, typeLength: 16),
                    .timestamp("start", unit: .millis),
                    .int32("pageIndex", logicalType: .integer(bitWidth: 16, isSigned: true)),
                ]),
            ]),
        ])
    }
}
