import Testing
@testable import BatchyardCore

@Suite("Catalog filter evaluation (reference semantics)")
struct CatalogFilterTests {
    private let batch: JSONValue = [
        "id": "01E8", "status": "success", "name": "test batch", "version": "1.0.10", "recordCount": 514,
        "size": 568.5, "created": 1_576_741_597_205, "enabled": true, "description": "",
        "tags": ["acp_producer": ["client-a"], "sampleTag": ["test123", "other"], "flag": true, "pct": 5],
        "availableDates": ["startDate": 100, "endDate": 200], "empty": nil, "list": [1, 2],
    ]

    private func matches(_ items: [(String, String)], _ object: JSONValue? = nil) throws -> Bool {
        let query = try CatalogQuery(parsing: items.map { (name: $0.0, value: $0.1) }, schema: batchesSchema)
        return query.filter.matches(object ?? batch)
    }

    @Test("no conditions match everything")
    func empty() {
        #expect(CatalogFilter().matches(batch))
        #expect(CatalogFilter().matches(.object([:])))
    }

    @Test("simple equals, OR and none-of")
    func simple() throws {
        #expect(try matches([("status", "success")]))
        #expect(try !matches([("status", "failed")]))
        #expect(try matches([("status", "failed,success")]))
        #expect(try !matches([("status", "!success")]))
        #expect(try matches([("status", "!loading,failed")]))
        #expect(try !matches([("status", "!loading,success")]))
        // Numbers compare numerically against numeric text; strings never do.
        #expect(try matches([("recordCount", "514")]))
        #expect(try matches([("recordCount", "514.0")]))
        #expect(try !matches([("recordCount", "515")]))
        #expect(try matches([("size", "568.5")]))
        #expect(try matches([("created", "1576741597205")]))
        // A missing property equals nothing, so it is in none of the values.
        #expect(try !matches([("externalId", "x")]))
        #expect(try matches([("externalId", "!x")]))
        // Filters are ANDed.
        #expect(try matches([("status", "success"), ("recordCount", "514")]))
        #expect(try !matches([("status", "success"), ("recordCount", "1")]))
    }

    @Test("name wildcards")
    func wildcard() throws {
        #expect(try matches([("name", "test*")]))
        #expect(try matches([("name", "te*batch")]))
        #expect(try matches([("name", "*")]))
        #expect(try !matches([("name", "batch*")]))
        #expect(try !matches([("name", "test")]))
        #expect(try matches([("name", "!batch*")]))
        #expect(try matches([("name", "a**b")], ["name": "a*b"]))
        #expect(try !matches([("name", "a**b")], ["name": "aXb"]))
        #expect(try !matches([("name", "*")], ["id": "no name"]))
        #expect(try !matches([("name", "*")], ["name": 5]))
    }

    @Test("property exists / not exists")
    func exists() throws {
        #expect(try matches([("property", "name")]))
        #expect(try matches([("property", "empty")]))  // present, even though null
        #expect(try !matches([("property", "missing")]))
        #expect(try matches([("property", "!missing")]))
        #expect(try !matches([("property", "!name")]))
    }

    @Test("property regex searches strings")
    func regex() throws {
        #expect(try matches([("property", "name~^test")]))
        #expect(try matches([("property", "name~bat")]))
        #expect(try !matches([("property", "name~^batch")]))
        #expect(try matches([("property", "name~b.t+ch$")]))
        #expect(try !matches([("property", "recordCount~5")]))  // not a string
        #expect(try !matches([("property", "missing~.*")]))
    }

    @Test("property == and !=")
    func equality() throws {
        #expect(try matches([("property", "status==success")]))
        #expect(try !matches([("property", "status==Success")]))
        #expect(try matches([("property", "status!=failed")]))
        #expect(try !matches([("property", "status!=success")]))
        #expect(try matches([("property", "enabled==true")]))
        #expect(try matches([("property", "enabled!=false")]))
        #expect(try matches([("property", "description==")]))
        #expect(try matches([("property", "missing!=x")]))  // != holds for an absent property
        #expect(try !matches([("property", "missing==x")]))
        #expect(try matches([("property", "recordCount==514")]))
        #expect(try matches([("property", "recordCount!=abc")]))  // incomparable counts as not equal
        #expect(try matches([("property", "name==test*")]))
        #expect(try !matches([("property", "name!=*batch")]))
        #expect(try matches([("property", "name!=x*")]))
        #expect(try matches([("property", "name!=x*")], ["id": "no name"]))
    }

    @Test("property ordering: numbers numerically")
    func numericOrdering() throws {
        #expect(try matches([("property", "recordCount>100")]))
        #expect(try matches([("property", "recordCount>=514")]))
        #expect(try !matches([("property", "recordCount>514")]))
        #expect(try matches([("property", "recordCount<1000")]))  // "1000" < "514" as strings, not as numbers
        #expect(try matches([("property", "recordCount<=514")]))
        #expect(try !matches([("property", "recordCount<514")]))
        #expect(try matches([("property", "size>568.25")]))
        #expect(try matches([("property", "size<5.7e2")]))
        #expect(try !matches([("property", "recordCount>abc")]))
        #expect(try !matches([("property", "missing>0")]))
        #expect(try !matches([("property", "missing<0")]))
    }

    @Test("property ordering: version strings by component")
    func versionOrdering() throws {
        #expect(try matches([("property", "version>1.0.9")]))  // 1.0.10 > 1.0.9
        #expect(try matches([("property", "version>1.0.3")]))
        #expect(try !matches([("property", "version<1.0.9")]))
        #expect(try matches([("property", "version>=1.0.10")]))
        #expect(try matches([("property", "version<=1.0.10")]))
        #expect(try matches([("property", "version<1.1")]))
        #expect(try matches([("property", "version>1.0")]))
        #expect(try matches([("property", "version<2")]))
        #expect(try matches([("property", "version==1.0.10")]))
    }

    @Test("property ordering: other strings by bytes")
    func stringOrdering() throws {
        #expect(try matches([("property", "name>tesa")]))
        #expect(try matches([("property", "name<tesu")]))
        #expect(try matches([("property", "name>=test batch")]))
        #expect(try !matches([("property", "name<Z")]))  // lower-case sorts after upper-case
        #expect(try matches([("property", "id<1.0.9")], ["id": "1.0.10"]))  // not a version property
        #expect(try matches([("property", "b>1.0")], ["b": true]) == false)
    }

    @Test("tags: exact, any and wildcard values; pairs ANDed")
    func tags() throws {
        #expect(try matches([("tags", "acp_producer:client-a")]))
        #expect(try !matches([("tags", "acp_producer:client-b")]))
        #expect(try matches([("tags", "sampleTag:other")]))
        #expect(try matches([("tags", "sampleTag:test*")]))
        #expect(try !matches([("tags", "sampleTag:*xyz")]))
        #expect(try matches([("tags", "sampleTag:*")]))
        #expect(try !matches([("tags", "nope:*")]))
        #expect(try matches([("tags", "acp_producer:client-a,sampleTag:*")]))
        #expect(try !matches([("tags", "acp_producer:client-a,nope:*")]))
        #expect(try matches([("tags", "flag:true")]))
        #expect(try matches([("tags", "pct:5")]))
        #expect(try !matches([("tags", "a:*")], ["name": "no tags"]))
    }

    @Test("range filters are exclusive and need numbers")
    func ranges() throws {
        #expect(try matches([("createdAfter", "1576741597204")]))
        #expect(try !matches([("createdAfter", "1576741597205")]))
        #expect(try matches([("createdBefore", "1576741597206")]))
        #expect(try !matches([("createdBefore", "1576741597205")]))
        #expect(try matches([("createdAfter", "1"), ("createdBefore", "9999999999999")]))
        #expect(try matches([("startAfter", "99"), ("startBefore", "101"), ("endAfter", "199"), ("endBefore", "201")]))
        #expect(try !matches([("startAfter", "100")]))
        #expect(try !matches([("endBefore", "200")]))
        #expect(try !matches([("createdAfter", "0")], ["created": "1576741597205"]))
        #expect(try !matches([("createdAfter", "0")], ["id": "no created"]))
    }

    @Test("a custom resolver maps virtual properties")
    func resolver() throws {
        let query = try CatalogQuery(parsing: [(name: "dataSet", value: "ds1")], schema: batchesSchema)
        let object: JSONValue = ["relatedObjects": [["type": "dataSet", "id": "ds1"]]]
        #expect(!query.filter.matches(object))
        let evaluator = query.filter.evaluator { property, object in
            guard property == "dataSetId" else { return CatalogFilter.resolve(property, in: object) }
            return object["relatedObjects"]?.arrayValue?.first { $0["type"] == "dataSet" }?["id"]
        }
        #expect(evaluator.matches(object))
    }

    @Test("dotted paths resolve through nested objects; exact keys win")
    func resolve() {
        #expect(CatalogFilter.resolve("availableDates.startDate", in: batch) == 100)
        #expect(CatalogFilter.resolve("availableDates.nope", in: batch) == nil)
        #expect(CatalogFilter.resolve("a.b", in: ["a.b": 1, "a": ["b": 2]]) == 1)
        #expect(CatalogFilter.resolve("x", in: [1]) == nil)
    }
}
