import BatchyardCore
import HTTPTypes
import Hummingbird
import Testing

@Suite("Schema Registry: listings, paging, global container, stats and tenancy")
struct SchemaRegistryListingTests {
    static let tenantSchemas = "\(Registry.base)/tenant/schemas"

    @Test("listing: xed-id summaries, xed full documents, _page and _links; bad Accept 400 XDM-1006-400")
    func listing() async throws {
        try await TestServer().run { api in
            let id = try await api.createSchema("Hotels")
            let summaries = try await api.get(Self.tenantSchemas, accept: Registry.summaries)
            #expect(summaries.status == .ok)
            let first = try #require(summaries.json["results"]?.arrayValue?.first)
            #expect(first == .object([
                "$id": .string(id), "meta:altId": first["meta:altId"] ?? .null, "version": "1.0", "title": "Hotels",
            ]))
            #expect(summaries.json["_page"]?["count"] == 1)
            #expect(summaries.json["_page"]?["next"] == .null)
            #expect(summaries.json["_links"]?["next"] == .null)
            #expect(summaries.json["_links"]?["global_schemas"]?["href"]?.stringValue?
                .hasSuffix("/data/foundation/schemaregistry/global/schemas") == true)

            let full = try await api.get(Self.tenantSchemas, accept: Registry.full)
            #expect(full.json["results"]?.arrayValue?.first?["allOf"] != nil)

            for bad in [nil, "application/json", Registry.version1, "application/vnd.adobe.xed-full+json"] as [String?] {
                let response = try await api.get(Self.tenantSchemas, accept: bad)
                #expect(response.status == .badRequest, "\(bad ?? "none")")
                #expect(response.json["type"] == "http://ns.adobe.com/aep/errors/XDM-1006-400")
                #expect(response.json["title"] == "Accept header invalid")
            }
        }
    }

    @Test("paging: orderby, limit and keyset start; descending; ties stay on one page; bad parameters 400")
    func paging() async throws {
        try await TestServer().run { api in
            for title in ["Delta", "Alpha", "Echo", "Charlie", "Bravo"] { _ = try await api.createSchema(title) }
            var titles: [String] = []
            var path = "\(Self.tenantSchemas)?orderby=title&limit=2"
            var pages = 0
            while true {
                let page = try await api.get(path, accept: Registry.summaries)
                #expect(page.status == .ok, "\(page.text)")
                pages += 1
                let results = page.json["results"]?.arrayValue ?? []
                titles += results.compactMap { $0["title"]?.stringValue }
                #expect(page.json["_page"]?["orderby"] == "title")
                #expect(page.json["_page"]?["count"] == .int(Int64(results.count)))
                guard let next = page.json["_page"]?["next"]?.stringValue else {
                    #expect(page.json["_links"]?["next"] == .null)
                    break
                }
                #expect(next == results.last?["title"]?.stringValue)
                let href = try #require(page.json["_links"]?["next"]?["href"]?.stringValue)
                let query = try #require(href.split(separator: "?", maxSplits: 1).last)
                path = "\(Self.tenantSchemas)?\(query)"
                #expect(pages < 10)
            }
            #expect(titles == ["Alpha", "Bravo", "Charlie", "Delta", "Echo"])
            #expect(pages == 3)

            let descending = try await api.get("\(Self.tenantSchemas)?orderby=-title&limit=2", accept: Registry.summaries)
            #expect(descending.json["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Echo", "Delta"])
            let after = try await api.get("\(Self.tenantSchemas)?orderby=-title&start=Charlie", accept: Registry.summaries)
            #expect(after.json["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Bravo", "Alpha"])

            _ = try await api.createSchema("Alpha")
            let ties = try await api.get("\(Self.tenantSchemas)?orderby=title&limit=1", accept: Registry.summaries)
            #expect(ties.json["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Alpha", "Alpha"])
            #expect(ties.json["_page"]?["next"] == "Alpha")
            let byID = try await api.get("\(Self.tenantSchemas)?orderby=$id,title&limit=6", accept: Registry.summaries)
            let ids = byID.json["results"]?.arrayValue?.compactMap { $0["$id"]?.stringValue } ?? []
            #expect(ids == ids.sorted() && ids.count == 6)

            for bad in ["limit=2", "start=A", "orderby=created", "orderby=title&limit=501", "orderby=title&limit=x",
                        "property=title==x", "color=red"] {
                let response = try await api.get("\(Self.tenantSchemas)?\(bad)", accept: Registry.summaries)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.json["type"] == "http://ns.adobe.com/aep/errors/XDM-1001-400")
            }
        }
    }

    @Test("global container: built-in classes, field groups and data types; read-only")
    func globalContainer() async throws {
        try await TestServer().run { api in
            let schemas = try await api.get("\(Registry.base)/global/schemas", accept: Registry.summaries)
            #expect(schemas.status == .ok)
            #expect(schemas.json["results"] == [])
            let classes = try await api.get("\(Registry.base)/global/classes?orderby=title", accept: Registry.summaries)
            #expect(classes.json["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue }
                == ["XDM ExperienceEvent", "XDM Individual Profile"])
            let groups = try await api.get("\(Registry.base)/global/fieldgroups?orderby=title&limit=2", accept: Registry.summaries)
            #expect(groups.json["results"]?.arrayValue?.count == 2)
            #expect(groups.json["_page"]?["next"] != .null)
            let profile = try await api.get(
                "\(Registry.base)/global/classes/\(Registry.encode(Registry.profileClass))", accept: Registry.version1)
            #expect(profile.status == .ok)
            #expect(profile.json["title"] == "XDM Individual Profile")
            let byAlt = try await api.get("\(Registry.base)/global/classes/_xdm.context.profile", accept: Registry.version1)
            #expect(byAlt.status == .ok)
            let personType = try await api.get(
                "\(Registry.base)/global/datatypes/\(Registry.encode("https://ns.adobe.com/xdm/context/person"))",
                accept: "application/vnd.adobe.xed-full+json; version=1")
            #expect(personType.json["properties"]?["name"]?["properties"]?["lastName"] != nil)
            let tenantLookup = try await api.get(
                "\(Registry.base)/tenant/classes/\(Registry.encode(Registry.profileClass))", accept: Registry.version1)
            #expect(tenantLookup.status == .notFound)
            let write = try await api.send(.post, "\(Registry.base)/global/schemas", json: Registry.schema("x"))
            #expect(write.status == .methodNotAllowed)
            let unknown = try await api.get("\(Registry.base)/shared/schemas", accept: Registry.summaries)
            #expect(unknown.status == .notFound)
            let collection = try await api.get("\(Registry.base)/tenant/widgets", accept: Registry.summaries)
            #expect(collection.status == .notFound)
        }
    }

    @Test("GET /stats: tenantId, counts, recent resources and class usage")
    func stats() async throws {
        try await TestServer().run { api in
            let group = try await api.createRegistryResource("fieldgroups", Registry.loyaltyFieldGroup())
            let id = try await api.createSchema("Members", fieldGroups: [group["$id"]?.stringValue ?? ""])
            let stats = try await api.get("\(Registry.base)/stats", accept: "application/json")
            #expect(stats.status == .ok)
            #expect(stats.json["tenantId"] == .string(Registry.tenantA))
            #expect(stats.json["imsOrg"] == .string(TestServer.orgA))
            #expect(stats.json["counts"]?["schemas"] == 1)
            #expect(stats.json["counts"]?["mixins"] == 1)
            #expect(stats.json["recentlyCreatedResources"]?.arrayValue?.count == 2)
            #expect(stats.json["classUsage"]?.arrayValue?.first?["$id"] == .string(Registry.profileClass))
            #expect(stats.json["classUsage"]?.arrayValue?.first?["schemas"]?.arrayValue?.first?["$id"] == .string(id))
            let other = try await api.get(
                "\(Registry.base)/stats", accept: nil, headers: APIClient.headers(org: "4F3BB22C5631222A7F000101@AdobeOrg"))
            #expect(other.json["tenantId"] == "4f3bb22c5631222a7f000101")
            #expect(other.json["counts"]?["schemas"] == 0)
            let odd = try await api.get("\(Registry.base)/stats", accept: nil, headers: APIClient.headers(org: "Acme.Corp@Example"))
            let oddID = try #require(odd.json["tenantId"]?.stringValue)
            #expect(oddID.hasPrefix("acmecorp") && oddID.count == 16)
            #expect(try await api.send(.post, "\(Registry.base)/stats", json: [:]).status == .methodNotAllowed)
        }
    }

    @Test("another org or sandbox sees nothing: 404 on lookup, PUT, PATCH, DELETE; empty lists")
    func tenancy() async throws {
        try await TestServer().run { api in
            let id = try await api.createSchema("Private")
            let path = "\(Registry.base)/tenant/schemas/\(Registry.encode(id))"
            for headers in [APIClient.headers(org: TestServer.orgB), APIClient.headers(sandbox: "dev")] {
                var withAccept = headers
                withAccept[.accept] = Registry.version1
                #expect(try await api.send(.get, path, headers: withAccept).status == .notFound)
                #expect(try await api.send(.put, path, json: Registry.schema("Stolen"), headers: headers).status == .notFound)
                #expect(try await api.send(
                    .patch, path, json: [["op": "replace", "path": "/title", "value": "x"]], headers: headers).status == .notFound)
                #expect(try await api.send(.delete, path, headers: headers).status == .notFound)
                let list = try await api.get(Self.tenantSchemas, accept: Registry.summaries, headers: headers)
                #expect(list.json["results"] == [])
            }
            let dev = try await api.createSchema("Dev copy", headers: APIClient.headers(sandbox: "dev"))
            #expect(dev.hasPrefix("https://ns.adobe.com/\(Registry.tenantA)/schemas/"))
            let prod = try await api.get(Self.tenantSchemas, accept: Registry.summaries)
            #expect(prod.json["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Private"])
            #expect(try await api.get(path, accept: Registry.version1).status == .ok)
        }
    }
}
