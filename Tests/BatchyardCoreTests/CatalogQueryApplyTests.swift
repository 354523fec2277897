import Testing
@testable import BatchyardCore

@Suite("Catalog projection, ordering and in-memory queries")
struct CatalogQueryApplyTests {
    @Test("projection follows AEP's rules")
    func projection() {
        let object: JSONValue = ["name": "n", "description": "", "tags": [:], "files": "@/x", "schema": nil, "list": [], "n": 0]
        #expect(CatalogQuery.project(object, onto: ["name", "files"]) == ["name": "n", "files": "@/x"])
        #expect(CatalogQuery.project(object, onto: ["name", "missing"]) == ["name": "n"])
        #expect(CatalogQuery.project(object, onto: ["missing"]) == [:])
        #expect(
            CatalogQuery.project(object, onto: ["description", "tags", "schema", "list", "n"])
                == ["description": [:], "tags": [:], "schema": [:], "list": [:], "n": 0])
        #expect(CatalogQuery(properties: ["name"]).projected(object) == ["name": "n"])
        #expect(CatalogQuery().projected(object) == object)
    }

    @Test("version order and sort keys")
    func versions() {
        #expect(CatalogValueOrder.versionComponents("1.0.10") == [1, 0, 10])
        #expect(CatalogValueOrder.versionComponents("1.0.") == nil)
        #expect(CatalogValueOrder.versionComponents("1.0.0-beta") == nil)
        #expect(CatalogValueOrder.versionComponents("") == nil)
        let versions = ["1.0.9", "1.0.10", "1.0", "2.0.0", "1.0.0", "10.0.0", "1.10.0"]
        let bySortKey = versions.sorted { CatalogValueOrder.versionSortKey($0)! < CatalogValueOrder.versionSortKey($1)! }
        #expect(bySortKey == ["1.0", "1.0.0", "1.0.9", "1.0.10", "1.10.0", "2.0.0", "10.0.0"])
        let byOrder = versions.sorted { CatalogValueOrder.sortOrder(.string($0), .string($1), property: "version") == .less }
        #expect(byOrder == bySortKey)
        #expect(CatalogValueOrder.isVersionProperty("version"))
        #expect(CatalogValueOrder.isVersionProperty("schemaRef.version"))
        #expect(!CatalogValueOrder.isVersionProperty("versions"))
    }

    @Test("comparisons between kinds")
    func comparisons() {
        #expect(CatalogValueOrder.compare(.int(5), "5", property: "x") == .equal)
        #expect(CatalogValueOrder.compare(.int(5), "nan", property: "x") == nil)
        #expect(CatalogValueOrder.compare(.int(5), "0x5", property: "x") == nil)
        #expect(CatalogValueOrder.compare(.string("5"), "5.0", property: "x") == .less)  // as strings: a prefix sorts first
        #expect(CatalogValueOrder.compare(.bool(false), "true", property: "x") == .less)
        #expect(CatalogValueOrder.compare(.bool(false), "1", property: "x") == nil)
        #expect(CatalogValueOrder.compare(.null, "null", property: "x") == nil)
        #expect(CatalogValueOrder.compare(.int(.max), "9223372036854775806", property: "x") == .greater)
        #expect(CatalogValueOrder.sortOrder(nil, .int(1), property: "x") == .less)
        #expect(CatalogValueOrder.sortOrder(.null, nil, property: "x") == .equal)
        #expect(CatalogValueOrder.sortOrder(.int(2), .double(1.5), property: "x") == .greater)
        #expect(CatalogValueOrder.sortOrder(.string("a"), .int(9), property: "x") == .greater)
        #expect(CatalogValueOrder.sortOrder(.string("B"), .string("a"), property: "x") == .less)
    }

    private let objects: [(id: String, object: JSONValue)] = [
        ("a", ["name": "alpha", "created": 3, "status": "success", "version": "1.0.9"]),
        ("b", ["name": "beta", "created": 1, "status": "failed", "version": "1.0.10"]),
        ("c", ["name": "gamma", "created": 2, "status": "success", "version": "1.0.2"]),
        ("d", ["name": "delta", "created": 2, "status": "loading"]),
        ("e", ["name": "alpha", "created": 5, "status": "success", "version": "1.0.0"]),
    ]

    private func run(_ items: [(String, String)]) throws -> [String] {
        let query = try CatalogQuery(parsing: items.map { (name: $0.0, value: $0.1) }, schema: batchesSchema)
        return query.apply(to: objects).map(\.id)
    }

    @Test("apply: filter, sort with tie-breaks, page")
    func apply() throws {
        #expect(try run([]) == ["a", "b", "c", "d", "e"])
        #expect(try run([("status", "success")]) == ["a", "c", "e"])
        #expect(try run([("orderBy", "created")]) == ["b", "c", "d", "a", "e"])
        #expect(try run([("orderBy", "desc:created")]) == ["e", "a", "c", "d", "b"])
        #expect(try run([("orderBy", "created,desc:name")]) == ["b", "c", "d", "a", "e"])
        #expect(try run([("orderBy", "name,desc:created")]) == ["e", "a", "b", "d", "c"])
        #expect(try run([("orderBy", "version")]) == ["d", "e", "c", "a", "b"])
        #expect(try run([("orderBy", "desc:version")]) == ["b", "a", "c", "e", "d"])
        #expect(try run([("orderBy", "created"), ("start", "1"), ("limit", "2")]) == ["c", "d"])
        #expect(try run([("start", "10")]) == [])
        #expect(try run([("status", "!success"), ("orderBy", "desc:name")]) == ["d", "b"])
    }

    @Test("apply projects the page")
    func applyProjects() throws {
        let query = try CatalogQuery(parsing: [(name: "properties", value: "name,version"), (name: "limit", value: "1")], schema: batchesSchema)
        let result = query.apply(to: objects)
        #expect(result.count == 1)
        #expect(result[0].id == "a")
        #expect(result[0].object == ["name": "alpha", "version": "1.0.9"])
    }
}
