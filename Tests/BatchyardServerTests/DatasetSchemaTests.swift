import BatchyardCore
import BatchyardServer
import BatchyardStore
import HTTPTypes
import Hummingbird
import Testing
import XDMValidation

@Suite("Datasets and their XDM schemas")
struct DatasetSchemaTests {
    static let datasets = "/data/foundation/catalog/dataSets"

    static func dataset(_ schemaID: String) -> JSONValue {
        ["name": "d", "schemaRef": ["id": .string(schemaID), "contentType": "application/vnd.adobe.xed+json;version=1"]]
    }

    @Test("a dataset must reference a schema of its tenant or a built-in class; none at all is fine")
    func schemaRefOnCreate() async throws {
        try await TestServer().run { api in
            let unknownID = "https://ns.adobe.com/\(Registry.tenantA)/schemas/719c"
            let unknown = try await api.send(.post, Self.datasets, json: Self.dataset(unknownID))
            #expect(unknown.status == .badRequest)
            #expect(unknown.json["detail"]?.stringValue?.contains(unknownID) == true)
            #expect(unknown.json["detail"]?.stringValue?.contains("Schema Registry") == true)

            let schemaID = try await api.createSchema("Loyalty")
            let altID = "_\(Registry.tenantA).schemas." + (schemaID.split(separator: "/").last.map(String.init) ?? "")
            for id in [schemaID, altID, Registry.profileClass, Registry.eventClass, "_xdm.context.profile"] {
                let created = try await api.send(.post, Self.datasets, json: Self.dataset(id))
                #expect(created.status == .created, "\(id): \(created.text)")
            }
            _ = try await api.createDataset(["name": "no schema"])

            let otherOrg = try await api.send(
                .post, Self.datasets, json: Self.dataset(schemaID), headers: APIClient.headers(org: TestServer.orgB))
            #expect(otherOrg.status == .badRequest)
            let otherSandbox = try await api.send(
                .post, Self.datasets, json: Self.dataset(schemaID), headers: APIClient.headers(sandbox: "dev"))
            #expect(otherSandbox.status == .badRequest)
            let fieldGroupAsSchema = try await api.send(.post, Self.datasets, json: Self.dataset(Registry.demographic))
            #expect(fieldGroupAsSchema.status == .badRequest)
            let validateOnly = try await api.send(
                .post, Self.datasets, json: Self.dataset(unknownID), extraHeaders: ["Pragma": "validate-only"])
            #expect(validateOnly.status == .badRequest)
        }
    }

    @Test("PUT and PATCH of a dataset re-check a changed schemaRef")
    func schemaRefOnReplace() async throws {
        try await TestServer().run { api in
            let schemaID = try await api.createSchema("Loyalty")
            let datasetID = try await api.createDataset(Self.dataset(schemaID))
            let path = "\(Self.datasets)/\(datasetID)"
            let put = try await api.send(.put, path, json: Self.dataset("https://ns.adobe.com/x/schemas/none"))
            #expect(put.status == .badRequest)
            let putKnown = try await api.send(.put, path, json: Self.dataset(Registry.profileClass))
            #expect(putKnown.status == .ok, "\(putKnown.text)")
            let patch = try await api.send(.patch, path, json: ["schemaRef": ["id": "nothing"]])
            #expect(patch.status == .badRequest)
            let patchName = try await api.send(.patch, path, json: ["name": "renamed"])
            #expect(patchName.status == .ok)
        }
    }

    @Test("a schema that datasets use may only gain fields, and cannot be deleted while they exist")
    func evolution() async throws {
        try await TestServer().run { api in
            let group = try await api.createRegistryResource("fieldgroups", Registry.loyaltyFieldGroup())
            let groupPath = "\(Registry.base)/tenant/fieldgroups/\(Registry.encode(group["$id"]?.stringValue ?? ""))"
            let schemaID = try await api.createSchema("Members", fieldGroups: [group["$id"]?.stringValue ?? ""])
            let schemaPath = "\(Registry.base)/tenant/schemas/\(Registry.encode(schemaID))"
            let datasetID = try await api.createDataset(Self.dataset(schemaID))
            let loyalty = "/definitions/loyalty/properties/_\(Registry.tenantA)/properties/loyalty"

            let delete = try await api.send(.delete, schemaPath)
            #expect(delete.status == .badRequest)
            #expect(delete.json["detail"]?.stringValue?.contains("delete those datasets first") == true)
            let add = try await api.send(.patch, groupPath, json: [
                ["op": "add", "path": .string(loyalty + "/properties/nickname"), "value": ["type": "string"]]
            ])
            #expect(add.status == .ok, "\(add.text)")
            let retype = try await api.send(.patch, groupPath, json: [
                ["op": "replace", "path": .string(loyalty + "/properties/points/type"), "value": "string"]
            ])
            #expect(retype.status == .badRequest)
            #expect(retype.json["detail"]?.stringValue?.contains("changed type") == true)
            let required = try await api.send(.patch, groupPath, json: [
                ["op": "add", "path": .string(loyalty + "/required/-"), "value": "tier"]
            ])
            #expect(required.json["detail"]?.stringValue?.contains("became required") == true)
            let dropGroup = try await api.send(.patch, schemaPath, json: [["op": "remove", "path": "/allOf/1"]])
            #expect(dropGroup.status == .badRequest)
            #expect(dropGroup.json["detail"]?.stringValue?.contains("was removed") == true)
            let retitle = try await api.send(.patch, schemaPath, json: [["op": "replace", "path": "/title", "value": "M"]])
            #expect(retitle.status == .ok)

            #expect(try await api.send(.delete, "\(Self.datasets)/\(datasetID)").status == .ok)
            #expect(try await api.send(.patch, schemaPath, json: [["op": "remove", "path": "/allOf/1"]]).status == .ok)
            #expect(try await api.send(.delete, schemaPath).status == .noContent)
        }
    }

    @Test("validator(for:tenant:) compiles a dataset's schema, caches it per version and follows updates")
    func validatorForIngestion() async throws {
        try await TestServer().run { api in
            let group = try await api.createRegistryResource("fieldgroups", Registry.loyaltyFieldGroup())
            let schema = try await api.createRegistryResource(
                "schemas", Registry.schema("Members", fieldGroups: [group["$id"]?.stringValue ?? ""]))
            let schemaID = try #require(schema["$id"]?.stringValue)
            let tenant = Tenant(org: TestServer.orgA, sandbox: "prod")
            let service = SchemaRegistryService(
                store: SchemaRegistryStore(database: api.store.database), clock: { 1_700_000_000_000 })

            let compiled = try await service.validator(for: schemaID, tenant: tenant)
            #expect(compiled.schemaID == schemaID)
            #expect(compiled.version == "1.0")
            #expect(compiled.columns.contains { $0.name == "_" + Registry.tenantA })
            #expect(compiled.resolvedSchema["allOf"] == nil)
            let namespace = "_" + Registry.tenantA
            let good: JSONValue = [.init(stringLiteral: namespace): ["loyalty": ["points": "120", "tier": "gold"]]]
            #expect(compiled.validator.validate(good).record?[namespace]?["loyalty"]?["points"] == 120)
            let bad: JSONValue = [.init(stringLiteral: namespace): ["loyalty": ["points": -1, "tier": "plastic"]]]
            let paths = compiled.validator.validate(bad).errors.map(\.path)
            #expect(paths.contains("/\(namespace)/loyalty/points") && paths.contains("/\(namespace)/loyalty/tier"))

            let viaDataset = try await service.schema(forDataset: Self.dataset(schemaID), tenant: tenant)
            #expect(viaDataset?.schemaID == schemaID)
            #expect(try await service.schema(forDataset: ["name": "no schema"], tenant: tenant) == nil)
            let byAltID = try await service.validator(for: schema["meta:altId"]?.stringValue ?? "", tenant: tenant)
            #expect(byAltID.schemaID == schemaID)
            let builtin = try await service.validator(for: Registry.eventClass, tenant: tenant)
            #expect(builtin.validator.validate(["_id": "1"]).errors.first?.path == "/timestamp")

            let patched = try await api.send(
                .patch, "\(Registry.base)/tenant/schemas/\(Registry.encode(schemaID))",
                json: [["op": "replace", "path": "/title", "value": "Members v2"]])
            #expect(patched.status == .ok)
            // The server's own service drops its cache on writes; a fresh read sees the new version.
            #expect(try await service.validator(for: schemaID, tenant: tenant).version == "1.1")

            // A field group change (no schema version change) is seen by this separate instance too.
            let withNickname: JSONValue = [.init(stringLiteral: namespace): ["loyalty": ["points": 1, "nickname": "Al"]]]
            #expect(try await service.validator(for: schemaID, tenant: tenant).validator.validate(withNickname).errors.count == 1)
            let groupPath = "\(Registry.base)/tenant/fieldgroups/\(Registry.encode(group["$id"]?.stringValue ?? ""))"
            let addField = try await api.send(.patch, groupPath, json: [[
                "op": "add", "path": .string("/definitions/loyalty/properties/\(namespace)/properties/loyalty/properties/nickname"),
                "value": ["type": "string"],
            ]])
            #expect(addField.status == .ok, "\(addField.text)")
            #expect(try await service.validator(for: schemaID, tenant: tenant).validator.validate(withNickname).errors.isEmpty)

            await #expect(throws: RegistryProblem.self) {
                try await service.validator(for: schemaID, tenant: Tenant(org: TestServer.orgB, sandbox: "prod"))
            }
        }
    }
}
