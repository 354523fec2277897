import BatchyardCore
import HTTPTypes
import Hummingbird
import Testing

@Suite("Schema Registry: resources, Accept rules and writes")
struct SchemaRegistryTests {
    @Test("POST a field group and a schema: registry-owned ids, class, namespace and metadata")
    func createSchema() async throws {
        try await TestServer().run { api in
            let group = try await api.createRegistryResource("fieldgroups", Registry.loyaltyFieldGroup())
            let groupID = try #require(group["$id"]?.stringValue)
            #expect(groupID.hasPrefix("https://ns.adobe.com/\(Registry.tenantA)/mixins/"))
            #expect(group["meta:resourceType"] == "mixins")

            let schema = try await api.createRegistryResource(
                "schemas", Registry.schema("Loyalty Members", fieldGroups: [Registry.demographic, groupID]))
            let id = try #require(schema["$id"]?.stringValue)
            let localID = String(id.dropFirst("https://ns.adobe.com/\(Registry.tenantA)/schemas/".count))
            #expect(id.hasPrefix("https://ns.adobe.com/\(Registry.tenantA)/schemas/"))
            #expect(localID.count == 32 && localID.allSatisfy(\.isHexDigit))
            #expect(schema["meta:altId"] == .string("_\(Registry.tenantA).schemas.\(localID)"))
            #expect(schema["version"] == "1.0")
            #expect(schema["meta:resourceType"] == "schemas")
            #expect(schema["meta:class"] == .string(Registry.profileClass))
            #expect(schema["meta:extends"]?.arrayValue?.contains(.string(groupID)) == true)
            #expect(schema["meta:containerId"] == "tenant")
            #expect(schema["meta:tenantNamespace"] == .string("_" + Registry.tenantA))
            #expect(schema["imsOrg"] == .string(TestServer.orgA))
            #expect(schema["meta:registryMetadata"]?["xdm:createdClientId"] == "test-client")
            #expect(schema["title"] == "Loyalty Members")
        }
    }

    @Test("GET by URL-encoded $id or meta:altId; xed keeps refs, xed-full expands them")
    func lookup() async throws {
        try await TestServer().run { api in
            let group = try await api.createRegistryResource("fieldgroups", Registry.loyaltyFieldGroup())
            let groupID = try #require(group["$id"]?.stringValue)
            let id = try await api.createSchema("Members", fieldGroups: [Registry.demographic, groupID])
            let byID = try await api.get("\(Registry.base)/tenant/schemas/\(Registry.encode(id))", accept: Registry.version1)
            #expect(byID.status == .ok)
            #expect(byID.json["$id"] == .string(id))
            #expect(byID.json["allOf"]?.arrayValue?.count == 3)
            #expect(byID.json["properties"] == nil)

            let altID = try #require(byID.json["meta:altId"]?.stringValue)
            let full = try await api.get(
                "\(Registry.base)/tenant/schemas/\(altID)", accept: "application/vnd.adobe.xed-full+json; version=1")
            #expect(full.status == .ok)
            let properties = try #require(full.json["properties"])
            #expect(properties["_" + Registry.tenantA]?["properties"]?["loyalty"]?["properties"]?["points"]?["type"] == "integer")
            #expect(properties["person"]?["properties"]?["name"]?["properties"]?["firstName"]?["type"] == "string")
            #expect(properties["_id"]?["type"] == "string")
            #expect(full.json["allOf"] == nil)
            #expect(full.json["$id"] == .string(id))

            let noText = try await api.get(
                "\(Registry.base)/tenant/schemas/\(altID)", accept: "application/vnd.adobe.xed-full-notext+json; version=1")
            #expect(noText.json["properties"]?["_id"]?["title"] == nil)
            let fieldGroup = try await api.get(
                "\(Registry.base)/tenant/fieldgroups/\(Registry.encode(groupID))", accept: Registry.version1)
            #expect(fieldGroup.json["title"] == "Loyalty")
            let viaMixins = try await api.get(
                "\(Registry.base)/tenant/mixins/\(Registry.encode(groupID))", accept: Registry.version1)
            #expect(viaMixins.status == .ok)
        }
    }

    @Test("over a real socket: URL-encoded $id lookups, next links on the server's own host")
    func live() async throws {
        try await TestServer().run(.live) { api in
            let id = try await api.createSchema("Live")
            _ = try await api.createSchema("Live 2")
            let lookup = try await api.get("\(Registry.base)/tenant/schemas/\(Registry.encode(id))", accept: Registry.version1)
            #expect(lookup.status == .ok)
            #expect(lookup.json["$id"] == .string(id))
            let page = try await api.get("\(Registry.base)/tenant/schemas?orderby=title&limit=1", accept: Registry.summaries)
            let next = try #require(page.json["_links"]?["next"]?["href"]?.stringValue)
            #expect(next.hasPrefix("http://") && next.contains("/data/foundation/schemaregistry/tenant/schemas?orderby=title&start=Live&limit=1"))
        }
    }

    @Test("Accept errors: no version 400 XDM-1007-400, none 400, unavailable version 406, unknown id 404")
    func acceptRules() async throws {
        try await TestServer().run { api in
            let id = try await api.createSchema("Accept")
            let path = "\(Registry.base)/tenant/schemas/\(Registry.encode(id))"
            let noVersion = try await api.get(path, accept: Registry.full)
            #expect(noVersion.status == .badRequest)
            #expect(noVersion.json["type"] == "http://ns.adobe.com/aep/errors/XDM-1007-400")
            #expect(noVersion.json["title"] == "Accept header invalid")
            #expect(noVersion.json["report"]?["sub-errors"] == [])
            #expect(noVersion.json["report"]?["registryRequestId"]?.stringValue?.isEmpty == false)
            #expect(noVersion.json["report"]?["timestamp"]?.stringValue?.count == 19)
            let detail = try #require(noVersion.json["detail"]?.stringValue)
            #expect(detail.contains("Version should be specified"))
            #expect(noVersion.json["report"]?["detailed-message"] == .string(detail))

            let none = try await api.get(path, accept: nil)
            #expect(none.status == .badRequest)
            #expect(none.json["type"] == "http://ns.adobe.com/aep/errors/XDM-1007-400")
            let json = try await api.get(path, accept: "application/json")
            #expect(json.status == .badRequest)
            let summaryLookup = try await api.get(path, accept: "application/vnd.adobe.xed-id+json; version=1")
            #expect(summaryLookup.status == .badRequest)

            let major2 = try await api.get(path, accept: "application/vnd.adobe.xed+json; version=2")
            #expect(major2.status == .notAcceptable)
            #expect(major2.json["status"] == 406)
            let minor = try await api.get(path, accept: "application/vnd.adobe.xed+json; version=1.0")
            #expect(minor.status == .ok)
            let minor5 = try await api.get(path, accept: "application/vnd.adobe.xed+json; version=1.5")
            #expect(minor5.status == .notAcceptable)

            let missing = try await api.get(
                "\(Registry.base)/tenant/schemas/\(Registry.encode(id + "0"))", accept: Registry.version1)
            #expect(missing.status == .notFound)
            #expect(missing.json["type"] == "http://ns.adobe.com/aep/errors/XDM-1012-404")
            #expect(missing.json["title"] == "Resource Not Found")
            #expect(missing.json["detail"]?.stringValue?.contains("with version 1 is not found") == true)
        }
    }

    @Test("PUT and PATCH bump the minor version; older minors answer 406; DELETE answers 204 then 404")
    func updates() async throws {
        try await TestServer().run { api in
            let created = try await api.createRegistryResource("schemas", Registry.schema("Original"))
            let id = try #require(created["$id"]?.stringValue)
            let path = "\(Registry.base)/tenant/schemas/\(Registry.encode(id))"

            var body = created.objectValue ?? [:]
            body["title"] = "Replaced"
            body["$id"] = "https://ns.adobe.com/evil/schemas/1"
            let put = try await api.send(.put, path, json: .object(body))
            #expect(put.status == .ok, "\(put.text)")
            #expect(put.json["version"] == "1.1")
            #expect(put.json["title"] == "Replaced")
            #expect(put.json["$id"] == .string(id))
            #expect(put.json["meta:registryMetadata"]?["repo:createdDate"]
                == created["meta:registryMetadata"]?["repo:createdDate"])

            let patch = try await api.send(
                .patch, path, json: [["op": "replace", "path": "/description", "value": "Patched."]])
            #expect(patch.status == .ok, "\(patch.text)")
            #expect(patch.json["version"] == "1.2")
            #expect(patch.json["description"] == "Patched.")
            let patchType = try await api.send(
                .patch, path, json: [["op": "replace", "path": "/title", "value": "Patched title"]],
                contentType: "application/json-patch+json")
            #expect(patchType.json["version"] == "1.3")

            let stale = try await api.get(path, accept: "application/vnd.adobe.xed+json; version=1.1")
            #expect(stale.status == .notAcceptable)
            let current = try await api.get(path, accept: Registry.version1)
            #expect(current.json["version"] == "1.3")
            #expect(current.json["title"] == "Patched title")

            let badPatch = try await api.send(.patch, path, json: [["op": "remove", "path": "/nothing/here"]])
            #expect(badPatch.status == .badRequest)
            #expect(badPatch.json["type"] == "http://ns.adobe.com/aep/errors/XDM-1001-400")
            let notArray = try await api.send(.patch, path, json: ["title": "merge"])
            #expect(notArray.status == .badRequest)
            let breaking = try await api.send(.patch, path, json: [["op": "remove", "path": "/allOf"]])
            #expect(breaking.status == .badRequest)

            let deleted = try await api.send(.delete, path)
            #expect(deleted.status == .noContent)
            #expect(deleted.text.isEmpty)
            #expect(try await api.get(path, accept: Registry.version1).status == .notFound)
            #expect(try await api.send(.delete, path).status == .notFound)
            #expect(try await api.send(.put, path, json: .object(body)).status == .notFound)
        }
    }

    @Test("invalid resources answer 400 naming the problem")
    func invalidResources() async throws {
        try await TestServer().run { api in
            let post = { @Sendable (collection: String, body: JSONValue) async throws -> APIResponse in
                try await api.send(.post, "\(Registry.base)/tenant/\(collection)", json: body)
            }
            let noClass = try await post("schemas", ["title": "x", "allOf": [["$ref": .string(Registry.demographic)]]])
            #expect(noClass.status == .badRequest)
            #expect(noClass.json["detail"]?.stringValue?.contains("class") == true)
            let unknown = try await post("schemas", Registry.schema("x", fieldGroups: ["https://ns.adobe.com/nope/mixins/1"]))
            #expect(unknown.status == .badRequest)
            #expect(unknown.json["detail"]?.stringValue?.contains("https://ns.adobe.com/nope/mixins/1") == true)
            let twoClasses = try await post("schemas", Registry.schema("x", fieldGroups: [Registry.eventClass]))
            #expect(twoClasses.status == .badRequest)
            let wrongClass = try await post(
                "schemas", Registry.schema("x", classID: Registry.eventClass, fieldGroups: [Registry.demographic]))
            #expect(wrongClass.status == .badRequest)
            #expect(try await post("schemas", ["allOf": [["$ref": .string(Registry.profileClass)]]]).status == .badRequest)
            #expect(try await post("schemas", ["title": "x"]).status == .badRequest)
            #expect(try await post("schemas", ["title": "x", "type": "array", "allOf": [["$ref": .string(Registry.profileClass)]]]).status == .badRequest)

            let outside = try await post("fieldgroups", Registry.loyaltyFieldGroup(tenant: "other"))
            #expect(outside.status == .badRequest)
            #expect(outside.json["detail"]?.stringValue?.contains("_\(Registry.tenantA)") == true)
            var noTarget = Registry.loyaltyFieldGroup().objectValue ?? [:]
            noTarget["meta:intendedToExtend"] = nil
            #expect(try await post("fieldgroups", .object(noTarget)).status == .badRequest)

            let badName = try await post("datatypes", ["title": "T", "properties": ["_secret": ["type": "string"]]])
            #expect(badName.status == .badRequest)
            let badType = try await post("datatypes", ["title": "T", "properties": ["n": ["type": "decimal"]]])
            #expect(badType.status == .badRequest)
            #expect(badType.json["detail"]?.stringValue?.contains("decimal") == true)
            let notJSON = try await api.send(.post, "\(Registry.base)/tenant/schemas", raw: "{nope")
            #expect(notJSON.status == .badRequest)
            let classes = try await post("classes", ["title": "C"])
            #expect(classes.status == .badRequest)
        }
    }

    @Test("data types: create, get, use from a field group; in-use ones cannot be deleted or broken")
    func dataTypes() async throws {
        try await TestServer().run { api in
            let dataType = try await api.createRegistryResource("datatypes", [
                "title": "Room", "type": "object",
                "properties": ["number": ["type": "string"], "floor": ["type": "integer", "minimum": 0, "maximum": 200]],
            ])
            let typeID = try #require(dataType["$id"]?.stringValue)
            #expect(typeID.hasPrefix("https://ns.adobe.com/\(Registry.tenantA)/datatypes/"))
            let typePath = "\(Registry.base)/tenant/datatypes/\(Registry.encode(typeID))"
            #expect(try await api.get(typePath, accept: Registry.version1).json["title"] == "Room")

            let group = try await api.createRegistryResource("fieldgroups", [
                "title": "Stay", "meta:intendedToExtend": [.string(Registry.profileClass)],
                "properties": [
                    .init(stringLiteral: "_" + Registry.tenantA): [
                        "type": "object", "properties": ["room": ["$ref": .string(typeID), "type": "object"]],
                    ]
                ],
            ])
            let groupID = try #require(group["$id"]?.stringValue)
            let schemaID = try await api.createSchema("Guests", fieldGroups: [groupID])
            let full = try await api.get(
                "\(Registry.base)/tenant/schemas/\(Registry.encode(schemaID))",
                accept: "application/vnd.adobe.xed-full+json;version=1")
            #expect(full.json["properties"]?["_" + Registry.tenantA]?["properties"]?["room"]?["properties"]?["floor"]?["type"] == "integer")

            let inUse = try await api.send(.delete, typePath)
            #expect(inUse.status == .badRequest)
            #expect(inUse.json["detail"]?.stringValue?.contains(groupID) == true)
            let breaking = try await api.send(
                .patch, typePath, json: [["op": "replace", "path": "/properties/floor/type", "value": "whatever"]])
            #expect(breaking.status == .badRequest)

            let groupPath = "\(Registry.base)/tenant/fieldgroups/\(Registry.encode(groupID))"
            #expect(try await api.send(.delete, groupPath).status == .badRequest)
            #expect(try await api.send(.delete, "\(Registry.base)/tenant/schemas/\(Registry.encode(schemaID))").status == .noContent)
            #expect(try await api.send(.delete, groupPath).status == .noContent)
            #expect(try await api.send(.delete, typePath).status == .noContent)
        }
    }
}
