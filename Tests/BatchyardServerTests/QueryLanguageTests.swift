import HTTPTypes
import BatchyardCore
import BatchyardStore
import Hummingbird
import Testing

/// Every operator of the Catalog query language over HTTP, on a small known set of objects.
@Suite("Catalog query language")
struct QueryLanguageTests {
    static let base = "/data/foundation/catalog"

    /// Creates datasets named as given (in order) with the given extra fields; returns name → id.
    static func seed(_ api: APIClient) async throws -> [String: String] {
        let rows: [(String, JSONValue)] = [
            ("alpha", ["description": "first", "tags": ["team": ["data", "ml"]], "enableErrorDiagnostics": true]),
            ("beta", ["description": "second", "tags": ["team": ["web"], "tier": ["gold"]]]),
            ("gamma", ["tags": ["tier": ["silver"]], "enableErrorDiagnostics": false]),
            ("te*st", ["description": "has a star"]),
            ("test", ["description": "plain"]),
            ("Alpha2", ["description": "capital"]),
        ]
        var ids: [String: String] = [:]
        for (name, extra) in rows {
            var body = extra.objectValue ?? [:]
            body["name"] = .string(name)
            ids[name] = try await api.createDataset(.object(body))
        }
        return ids
    }

    static func names(_ response: APIResponse) -> Set<String> {
        Set(response.json.objectValue?.values.compactMap { $0["name"]?.stringValue } ?? [])
    }

    @Test("limit: default 20, 1…100, else 400 naming the range; start pages")
    func limitAndStart() async throws {
        try await TestServer().run { api in
            for index in 0..<25 { _ = try await api.createDataset(["name": .string("d\(index)")]) }
            let page = try await api.send(.get, "\(Self.base)/dataSets")
            #expect(page.json.objectValue?.count == 20)
            let five = try await api.send(.get, "\(Self.base)/dataSets?limit=5&start=22")
            #expect(five.json.objectValue?.count == 3)
            let ordered = try await api.send(.get, "\(Self.base)/dataSets?limit=2&start=3")
            #expect(Self.names(ordered) == ["d3", "d4"])
            for bad in ["0", "101", "-1", "x"] {
                let response = try await api.send(.get, "\(Self.base)/dataSets?limit=\(bad)")
                #expect(response.status == .badRequest)
                #expect(response.json["detail"]?.stringValue?.contains("limit") == true)
            }
            let badStart = try await api.send(.get, "\(Self.base)/dataSets?start=-3")
            #expect(badStart.status == .badRequest)
        }
    }

    @Test("orderBy with several keys and asc:/desc:")
    func orderBy() async throws {
        try await TestServer().run { api in
            for (name, description) in [("b", "2"), ("a", "2"), ("c", "1"), ("a", "1")] {
                _ = try await api.createDataset(["name": .string(name), "description": .string(description)])
            }
            let response = try await api.send(.get, "\(Self.base)/dataSets?orderBy=name,desc:description&properties=name,description")
            let pairs = try await Self.orderedPairs(api, "\(Self.base)/dataSets?orderBy=name,desc:description")
            #expect(response.status == .ok)
            #expect(pairs == ["a/2", "a/1", "b/2", "c/1"])
            let descending = try await Self.orderedPairs(api, "\(Self.base)/dataSets?orderBy=desc:name,asc:description")
            #expect(descending == ["c/1", "b/2", "a/1", "a/2"])
            let legacy = try await Self.orderedPairs(api, "\(Self.base)/dataSets?sort=desc:description,name")
            #expect(legacy == ["a/2", "b/2", "a/1", "c/1"])
            let bad = try await api.send(.get, "\(Self.base)/dataSets?orderBy=up:name")
            #expect(bad.status == .badRequest)
        }
    }

    /// The ID-keyed map has no order of its own, so pages of one reveal the order.
    static func orderedPairs(_ api: APIClient, _ path: String) async throws -> [String] {
        var result: [String] = []
        for start in 0..<4 {
            let page = try await api.send(.get, "\(path)&limit=1&start=\(start)")
            guard let object = page.json.objectValue?.values.first else { break }
            result.append("\(object["name"]?.stringValue ?? "")/\(object["description"]?.stringValue ?? "")")
        }
        return result
    }

    @Test("properties projection on lists")
    func properties() async throws {
        try await TestServer().run { api in
            let ids = try await Self.seed(api)
            let response = try await api.send(.get, "\(Self.base)/dataSets?properties=description,enableErrorDiagnostics&name=gamma,alpha")
            #expect(response.json == .object([
                ids["alpha"]!: ["description": "first", "enableErrorDiagnostics": true],
                ids["gamma"]!: ["enableErrorDiagnostics": false],
            ]))
        }
    }

    @Test("simple filters: =, =!, comma OR")
    func simpleFilters() async throws {
        try await TestServer().run { api in
            _ = try await Self.seed(api)
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=beta")) == ["beta"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=beta,gamma")) == ["beta", "gamma"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?description=!first,second"))
                    == ["gamma", "te*st", "test", "Alpha2"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?enableErrorDiagnostics=true")) == ["alpha"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=beta&description=first")).isEmpty)
        }
    }

    @Test("name wildcards: * matches any run, ** is a literal asterisk, matching is case-sensitive")
    func wildcards() async throws {
        try await TestServer().run { api in
            _ = try await Self.seed(api)
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=te*st")) == ["te*st", "test"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=te**st")) == ["te*st"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=alpha*")) == ["alpha"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=*")).count == 6)
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?name=*a")) == ["alpha", "beta", "gamma"])
        }
    }

    @Test("property=: exists, !, ~ regex, ==, !=, <, <=, >, >=")
    func propertyConditions() async throws {
        try await TestServer().run { api in
            _ = try await Self.seed(api)
            func names(_ query: String) async throws -> Set<String> {
                let response = try await api.send(.get, "\(Self.base)/dataSets?\(query)")
                #expect(response.status == .ok, "\(query): \(response.text)")
                return Self.names(response)
            }
            #expect(try await names("property=enableErrorDiagnostics") == ["alpha", "gamma"])
            #expect(try await names("property=!description") == ["gamma"])
            #expect(try await names("property=name~^te") == ["te*st", "test"])
            #expect(try await names("property=name~a$") == ["alpha", "beta", "gamma"])
            #expect(try await names("property=name==beta") == ["beta"])
            #expect(try await names("property=name!=beta").count == 5)
            #expect(try await names("property=name<beta") == ["alpha", "Alpha2"])
            #expect(try await names("property=name<=beta") == ["alpha", "Alpha2", "beta"])
            #expect(try await names("property=name>te*st") == ["test"])
            #expect(try await names("property=name>=te*st") == ["te*st", "test"])
            #expect(try await names("property=description~^f&property=name~^a") == ["alpha"])
            let badRegex = try await api.send(.get, "\(Self.base)/dataSets?property=name~(")
            #expect(badRegex.status == .badRequest)
        }
    }

    @Test("version compares as a version; created ranges; createdAfter/createdBefore")
    func versionsAndRanges() async throws {
        try await TestServer().run { api in
            let ids = try await Self.seed(api)
            for _ in 0..<10 {
                try await api.send(.patch, "\(Self.base)/dataSets/\(ids["beta"]!)", json: ["description": "x"])
            }
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?property=version>1.0.9")) == ["beta"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?version=1.0.10")) == ["beta"])
            let beta = try await api.send(.get, "\(Self.base)/dataSets/\(ids["beta"]!)")
            let created = try #require(beta.json[ids["beta"]!]?["created"]?.int64Value)
            let after = Self.names(try await api.send(.get, "\(Self.base)/dataSets?createdAfter=\(created - 1)"))
            #expect(after.contains("beta"))
            let before = Self.names(try await api.send(.get, "\(Self.base)/dataSets?createdBefore=\(created)"))
            #expect(!before.contains("beta"))
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?property=created>=\(created)")).contains("beta"))
            let bad = try await api.send(.get, "\(Self.base)/dataSets?createdAfter=yesterday")
            #expect(bad.status == .badRequest)
        }
    }

    @Test("tags=name:value with * wildcards; pairs are ANDed")
    func tags() async throws {
        try await TestServer().run { api in
            _ = try await Self.seed(api)
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?tags=team:web")) == ["beta"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?tags=team:*")) == ["alpha", "beta"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?tags=tier:s*")) == ["gamma"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?tags=team:*,tier:gold")) == ["beta"])
            #expect(Self.names(try await api.send(.get, "\(Self.base)/dataSets?tags=team:m*")) == ["alpha"])
            let bad = try await api.send(.get, "\(Self.base)/dataSets?tags=nocolon")
            #expect(bad.status == .badRequest)
        }
    }

    @Test("batch filters: status, dataSet, batch, externalId; tenancy holds in filters")
    func batchFilters() async throws {
        try await TestServer().run { api in
            let d1 = try await api.createDataset()
            let d2 = try await api.createDataset()
            let b1 = try #require(try await api.createBatch(datasetID: d1)["id"]?.stringValue)
            let b2 = try #require(try await api.createBatch(datasetID: d2, extra: ["externalId": "ext-2"])["id"]?.stringValue)
            try await api.send(.patch, "\(Self.base)/batches/\(b2)", json: ["status": "success"])
            func ids(_ query: String) async throws -> Set<String> {
                Set(try await api.send(.get, "\(Self.base)/batches?\(query)").json.objectValue?.keys.map { $0 } ?? [])
            }
            #expect(try await ids("status=loading") == [b1])
            #expect(try await ids("status=!loading") == [b2])
            #expect(try await ids("dataSet=\(d2)") == [b2])
            #expect(try await ids("batch=\(b1),\(b2)") == [b1, b2])
            #expect(try await ids("externalId=ext-2") == [b2])
            #expect(try await ids("tags=acp_producer:test-client") == [b1, b2])
            let other = try await api.send(.get, "\(Self.base)/batches?status=loading", headers: APIClient.headers(org: TestServer.orgB))
            #expect(other.json == [:])
        }
    }

    @Test("anything unsupported is refused with 400 naming it")
    func unsupported() async throws {
        try await TestServer().run { api in
            for query in ["bogus=1", "status=success", "property=", "limit=5&limit=6", "orderBy="] {
                let response = try await api.send(.get, "\(Self.base)/dataSets?\(query)")
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.json["detail"]?.stringValue?.isEmpty == false)
            }
            let named = try await api.send(.get, "\(Self.base)/dataSets?bogus=1")
            #expect(named.json["detail"]?.stringValue?.contains("bogus") == true)
        }
    }
}
