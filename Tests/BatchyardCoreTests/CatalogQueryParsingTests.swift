import Testing
@testable import BatchyardCore

/// The batches list as AEP documents it, the schema most tests parse against.
let batchesSchema = CatalogQuerySchema(
    simpleFilters: Dictionary(uniqueKeysWithValues: [
        "created", "createdClient", "updated", "createdUser", "updatedUser", "version", "status", "recordCount",
        "failedRecordCount", "size", "started", "completed", "externalId", "name",
    ].map { ($0, $0) }).merging(["batch": "id", "dataSet": "dataSetId"]) { first, _ in first },
    rangeFilters: CatalogQuerySchema.rangeFilters(created: true, availableDates: true),
    supportsTags: true, extraParameters: ["aggregate"], limitCaps: ["observableSchema": 20])

@Suite("Catalog query parsing")
struct CatalogQueryParsingTests {
    private func parse(_ items: [(String, String)], schema: CatalogQuerySchema = batchesSchema) throws(CatalogQueryError) -> CatalogQuery {
        try CatalogQuery(parsing: items.map { (name: $0.0, value: $0.1) }, schema: schema)
    }

    private func conditions(_ items: [(String, String)]) throws -> [CatalogCondition] {
        try parse(items).filter.conditions
    }

    private func failure(_ items: [(String, String)], schema: CatalogQuerySchema = batchesSchema) throws -> CatalogQueryError {
        try #require(throws: CatalogQueryError.self) { try parse(items, schema: schema) }
    }

    @Test("no parameters gives the defaults")
    func defaults() throws {
        let query = try parse([])
        #expect(query == CatalogQuery(limit: 20, start: 0, orderBy: [], properties: nil, filter: CatalogFilter()))
    }

    @Test("limit accepts 1 through 100")
    func limit() throws {
        #expect(try parse([("limit", "1")]).limit == 1)
        #expect(try parse([("limit", "100")]).limit == 100)
        #expect(try parse([("limit", "37")]).limit == 37)
    }

    @Test("bad limits are refused with the allowed range", arguments: ["0", "101", "-1", "abc", "", "1.5", "99999999999999999999"])
    func badLimit(value: String) throws {
        let error = try failure([("limit", value)])
        #expect(error.code == .invalidValue)
        #expect(error.parameters == ["limit"])
        #expect(error.message.contains("limit must be between 1 and 100"))
    }

    @Test("start is a non-negative offset")
    func start() throws {
        #expect(try parse([("start", "0")]).start == 0)
        #expect(try parse([("start", "40"), ("limit", "5")]).start == 40)
        for bad in ["-1", "x", ""] {
            let error = try failure([("start", bad)])
            #expect(error.parameters == ["start"])
            #expect(error.code == .invalidValue)
        }
    }

    @Test("orderBy: several keys, asc:/desc: prefixes, ascending by default; sort is the old name")
    func orderBy() throws {
        let expected = [
            CatalogSortKey(property: "name"), CatalogSortKey(property: "updated", direction: .descending),
            CatalogSortKey(property: "created", direction: .ascending),
        ]
        #expect(try parse([("orderBy", "name,desc:updated,asc:created")]).orderBy == expected)
        #expect(try parse([("sort", "name,desc:updated,asc:created")]).orderBy == expected)
        #expect(try parse([("orderBy", "DESC:created")]).orderBy == [CatalogSortKey(property: "created", direction: .descending)])
        #expect(CatalogSortKey(property: "x", direction: .descending).description == "desc:x")
    }

    @Test("bad orderBy values are refused", arguments: ["", "desc:", "up:created", "name,", "a.b", "asc:x:y", "na me"])
    func badOrderBy(value: String) throws {
        let error = try failure([("orderBy", value)])
        #expect(error.parameters == ["orderBy"], "\(error)")
    }

    @Test("orderBy restricted to sortable properties when the schema says so")
    func sortable() throws {
        var schema = batchesSchema
        schema.sortableProperties = ["created", "updated"]
        #expect(try parse([("orderBy", "desc:updated")], schema: schema).orderBy.count == 1)
        let error = try failure([("orderBy", "name")], schema: schema)
        #expect(error.message.contains("cannot sort by 'name'"))
    }

    @Test("properties: a de-duplicated list of top-level names")
    func properties() throws {
        #expect(try parse([("properties", "name,description,name,files")]).properties == ["name", "description", "files"])
        for bad in ["", "a,,b", "a.b", "a b"] {
            #expect(try failure([("properties", bad)]).parameters == ["properties"])
        }
    }

    @Test("observableSchema in properties caps the limit at 20")
    func limitCap() throws {
        #expect(try parse([("properties", "observableSchema"), ("limit", "50")]).limit == 20)
        #expect(try parse([("properties", "observableSchema"), ("limit", "5")]).limit == 5)
        #expect(try parse([("properties", "name"), ("limit", "50")]).limit == 50)
    }

    @Test("simple filters: equals, comma OR, ! for none of, mapped to their property")
    func simpleFilters() throws {
        #expect(try conditions([("status", "success")]) == [.equals(property: "status", values: [.literal("success")], negated: false)])
        #expect(
            try conditions([("status", "success,failed")])
                == [.equals(property: "status", values: [.literal("success"), .literal("failed")], negated: false)])
        #expect(try conditions([("status", "!loading")]) == [.equals(property: "status", values: [.literal("loading")], negated: true)])
        #expect(
            try conditions([("status", "!loading,staging")])
                == [.equals(property: "status", values: [.literal("loading"), .literal("staging")], negated: true)])
        #expect(try conditions([("dataSet", "5c8c")]) == [.equals(property: "dataSetId", values: [.literal("5c8c")], negated: false)])
        #expect(try conditions([("batch", "01E8")]) == [.equals(property: "id", values: [.literal("01E8")], negated: false)])
        // A `*` in a parameter without wildcard support is literal text.
        #expect(try conditions([("externalId", "a*b")]) == [.equals(property: "externalId", values: [.literal("a*b")], negated: false)])
    }

    @Test("repeated simple filters are ANDed")
    func repeatedFilters() throws {
        #expect(try conditions([("status", "!a"), ("status", "!b")]).count == 2)
    }

    @Test("bad simple filters", arguments: ["", "!", "a,,b", "a,", "a,!b"])
    func badSimple(value: String) throws {
        let error = try failure([("status", value)])
        #expect(error.parameters == ["status"], "\(error)")
    }

    @Test("name wildcards become patterns; ** is a literal asterisk")
    func nameWildcards() throws {
        #expect(
            try conditions([("name", "te*st")])
                == [.equals(property: "name", values: [.pattern(CatalogWildcardPattern(parsing: "te*st"))], negated: false)])
        #expect(try conditions([("name", "a**b")]) == [.equals(property: "name", values: [.literal("a*b")], negated: false)])
        #expect(
            try conditions([("name", "*")]) == [.equals(property: "name", values: [.pattern(CatalogWildcardPattern(segments: [.anything]))], negated: false)])
        #expect(
            try conditions([("name", "!x*,y")])
                == [.equals(property: "name", values: [.pattern(CatalogWildcardPattern(parsing: "x*")), .literal("y")], negated: true)])
    }

    @Test("property conditions: exists, not exists, regex and every comparison")
    func propertyConditions() throws {
        #expect(try conditions([("property", "name")]) == [.exists(property: "name")])
        #expect(try conditions([("property", "!name")]) == [.notExists(property: "name")])
        #expect(try conditions([("property", "name~^ex")]) == [.matchesRegex(property: "name", pattern: "^ex")])
        #expect(try conditions([("property", "name~a=b")]) == [.matchesRegex(property: "name", pattern: "a=b")])
        #expect(try conditions([("property", "status==success")]) == [.compare(property: "status", op: .equal, value: "success")])
        #expect(try conditions([("property", "status!=x")]) == [.compare(property: "status", op: .notEqual, value: "x")])
        #expect(try conditions([("property", "status==a*")]) == [.compare(property: "status", op: .equal, value: "a*")])
        #expect(try conditions([("property", "version<1.0.3")]) == [.compare(property: "version", op: .less, value: "1.0.3")])
        #expect(try conditions([("property", "version<=1.0.3")]) == [.compare(property: "version", op: .lessOrEqual, value: "1.0.3")])
        #expect(try conditions([("property", "version>1.0.3")]) == [.compare(property: "version", op: .greater, value: "1.0.3")])
        #expect(try conditions([("property", "version>=1.0.3")]) == [.compare(property: "version", op: .greaterOrEqual, value: "1.0.3")])
        #expect(try conditions([("property", "description==")]) == [.compare(property: "description", op: .equal, value: "")])
        #expect(try conditions([("property", "a==b==c")]) == [.compare(property: "a", op: .equal, value: "b==c")])
    }

    @Test("== and != on name take wildcards, as AEP documents for the property parameter")
    func propertyWildcards() throws {
        #expect(try conditions([("property", "name==exampleName")]) == [.equals(property: "name", values: [.literal("exampleName")], negated: false)])
        #expect(try conditions([("property", "name!=x")]) == [.equals(property: "name", values: [.literal("x")], negated: true)])
        #expect(
            try conditions([("property", "name==te*st")])
                == [.equals(property: "name", values: [.pattern(CatalogWildcardPattern(parsing: "te*st"))], negated: false)])
        #expect(try conditions([("property", "name==a**b")]) == [.equals(property: "name", values: [.literal("a*b")], negated: false)])
        #expect(try conditions([("property", "name==a,b")]) == [.equals(property: "name", values: [.literal("a,b")], negated: false)])
        #expect(try conditions([("property", "name>te*st")]) == [.compare(property: "name", op: .greater, value: "te*st")])
        // Without a wildcard simple filter on the property, `*` stays literal.
        var schema = batchesSchema
        schema.wildcardFilters = []
        let query = try CatalogQuery(parsing: [(name: "property", value: "name==te*st")], schema: schema)
        #expect(query.filter.conditions == [.compare(property: "name", op: .equal, value: "te*st")])
    }

    @Test("several property parameters are ANDed in order")
    func severalProperties() throws {
        #expect(
            try conditions([("property", "name"), ("property", "recordCount>=10")])
                == [.exists(property: "name"), .compare(property: "recordCount", op: .greaterOrEqual, value: "10")])
    }

    @Test(
        "bad property conditions name the parameter",
        arguments: [
            ("", CatalogQueryError.Code.invalidValue), ("!", .invalidValue), ("name=x", .unsupportedSyntax),
            ("name!x", .unsupportedSyntax), ("==x", .invalidValue), ("name~", .invalidValue), ("name~(", .invalidValue),
            ("name<", .invalidValue), ("name>=", .invalidValue), ("a.b==c", .unsupportedSyntax), ("!a==b", .invalidValue),
            ("na me", .invalidValue), ("name=<1", .unsupportedSyntax),
        ])
    func badProperty(value: String, code: CatalogQueryError.Code) throws {
        let error = try failure([("property", value)])
        #expect(error.parameters == ["property"], "\(error)")
        #expect(error.code == code, "\(value): \(error)")
    }

    @Test("tags: pairs ANDed, * for any value, wildcards in values")
    func tags() throws {
        #expect(
            try conditions([("tags", "sampleTag:123456,secondTag:*")])
                == [.tag(name: "sampleTag", value: .literal("123456")), .tag(name: "secondTag", value: .any)])
        #expect(try conditions([("tags", "sampleTag:test*")]) == [.tag(name: "sampleTag", value: .pattern(CatalogWildcardPattern(parsing: "test*")))])
        #expect(try conditions([("tags", "ns:a:b")]) == [.tag(name: "ns", value: .literal("a:b"))])
        #expect(try conditions([("tags", "a:x"), ("tags", "b:y")]).count == 2)
        #expect(try conditions([("tags", "adobe/pqs/table:t1")]) == [.tag(name: "adobe/pqs/table", value: .literal("t1"))])
    }

    @Test("bad tags", arguments: ["", "name", "name:", ":value", "a:1,", "a:1,,b:2"])
    func badTags(value: String) throws {
        let error = try failure([("tags", value)])
        #expect(error.parameters == ["tags"], "\(error)")
        #expect(error.code == .invalidValue)
    }

    @Test("tags are refused where the collection has none")
    func tagsUnsupported() throws {
        let schema = CatalogQuerySchema(simpleFilters: ["batchId": "batchId"], supportsTags: false)
        let error = try failure([("tags", "a:b")], schema: schema)
        #expect(error.code == .unknownParameter)
        #expect(error.parameters == ["tags"])
    }

    @Test("range filters: exclusive bounds on epoch milliseconds")
    func ranges() throws {
        #expect(
            try conditions([("createdAfter", "1554076800000"), ("createdBefore", "1556668799000")])
                == [.range(property: "created", bound: .after, value: 1_554_076_800_000),
                    .range(property: "created", bound: .before, value: 1_556_668_799_000)])
        #expect(try conditions([("startAfter", "1")]) == [.range(property: "availableDates.startDate", bound: .after, value: 1)])
        #expect(try conditions([("startBefore", "2")]) == [.range(property: "availableDates.startDate", bound: .before, value: 2)])
        #expect(try conditions([("endAfter", "3")]) == [.range(property: "availableDates.endDate", bound: .after, value: 3)])
        #expect(try conditions([("endBefore", "4")]) == [.range(property: "availableDates.endDate", bound: .before, value: 4)])
    }

    @Test("bad range values", arguments: ["", "yesterday", "1.5", "1e3", "99999999999999999999"])
    func badRanges(value: String) throws {
        let error = try failure([("createdAfter", value)])
        #expect(error.parameters == ["createdAfter"])
        #expect(error.message.contains("epoch milliseconds"))
    }

    @Test("unknown parameters are all named in one error")
    func unknown() throws {
        let error = try failure([("foo", "1"), ("status", "x"), ("bar", ""), ("foo", "2")])
        #expect(error.code == .unknownParameter)
        #expect(error.parameters == ["foo", "bar"])
        #expect(error.message.hasPrefix("Unsupported query parameters 'foo', 'bar'."))
        #expect(error.message.contains("createdAfter"))
        let one = try failure([("Limit", "5")])
        #expect(one.message.hasPrefix("Unsupported query parameter 'Limit'."))
    }

    @Test("singleton parameters may not repeat; orderBy and sort are exclusive")
    func duplicates() throws {
        for name in ["limit", "start", "orderBy", "sort", "properties"] {
            let error = try failure([(name, "1"), (name, "2")])
            #expect(error.code == .duplicateParameter)
            #expect(error.parameters == [name])
        }
        let both = try failure([("orderBy", "name"), ("sort", "name")])
        #expect(both.parameters == ["orderBy", "sort"])
    }

    @Test("extra parameters are accepted and left to the caller")
    func extras() throws {
        #expect(try parse([("aggregate", "true"), ("limit", "3")]) == CatalogQuery(limit: 3))
    }

    @Test("a lookup accepts properties only")
    func lookup() throws {
        let schema = CatalogQuerySchema.lookup(extraParameters: ["aggregate"])
        #expect(try parse([("properties", "name"), ("aggregate", "true")], schema: schema).properties == ["name"])
        for name in ["limit", "start", "orderBy", "property", "status", "tags"] {
            let error = try failure([(name, "1")], schema: schema)
            #expect(error.code == .unknownParameter, "\(name)")
        }
    }
}
