import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("Schema resolver")
struct XDMSchemaResolverTests {
    /// A tenant field group in AEP's layout: fields under `definitions`, pulled in by `allOf`.
    static let loyaltyFieldGroup = json(
        #"""
        {
          "$id": "https://ns.adobe.com/acme/mixins/loyalty",
          "meta:altId": "_acme.mixins.loyalty",
          "type": "object",
          "definitions": {
            "loyalty": {
              "properties": {
                "_acme": {
                  "type": "object",
                  "properties": {
                    "loyalty": {
                      "type": "object",
                      "required": ["points"],
                      "properties": {
                        "points": {"type": "integer", "minimum": -2147483648, "maximum": 2147483648},
                        "tier": {"type": "string", "enum": ["gold", "silver"]},
                        "since": {"$ref": "https://ns.adobe.com/acme/datatypes/stamp"}
                      }
                    }
                  }
                }
              }
            }
          },
          "allOf": [{"$ref": "#/definitions/loyalty"}]
        }
        """#)

    static let stampDataType = json(
        ##"{"$id": "https://ns.adobe.com/acme/datatypes/stamp", "type": "string", "format": "date-time"}"##)

    static let schema = json(
        #"""
        {
          "$id": "https://ns.adobe.com/acme/schemas/members",
          "title": "Loyalty members",
          "type": "object",
          "meta:class": "https://ns.adobe.com/xdm/context/profile",
          "allOf": [
            {"$ref": "https://ns.adobe.com/xdm/context/profile"},
            {"$ref": "https://ns.adobe.com/xdm/context/profile-person-details"},
            {"$ref": "_xdm.context.profile-personal-details"},
            {"$ref": "https://ns.adobe.com/xdm/context/identitymap"},
            {"$ref": "https://ns.adobe.com/acme/mixins/loyalty"}
          ]
        }
        """#)

    static func tenantLookup(_ id: String) -> JSONValue? {
        switch id {
        case "https://ns.adobe.com/acme/mixins/loyalty", "_acme.mixins.loyalty": return loyaltyFieldGroup
        case "https://ns.adobe.com/acme/datatypes/stamp": return stampDataType
        default: return nil
        }
    }

    @Test func expandsClassFieldGroupsAndDataTypes() throws {
        let resolved = try XDMSchemaResolver(lookup: Self.tenantLookup).resolve(Self.schema)
        #expect(resolved["$id"] == "https://ns.adobe.com/acme/schemas/members")
        #expect(resolved["title"] == "Loyalty members", "the schema's own keywords win over its parts'")
        #expect(resolved["meta:class"] == "https://ns.adobe.com/xdm/context/profile")
        #expect(resolved["meta:resourceType"] == nil, "the class's identity does not leak into the schema")
        #expect(resolved["meta:abstract"] == nil && resolved["meta:intendedToExtend"] == nil)
        let properties = try #require(resolved["properties"]?.objectValue)
        #expect(Set(properties.keys).isSuperset(of: ["_id", "person", "homeAddress", "personalEmail", "identityMap", "_acme"]))
        #expect(resolved["properties"]?["person"]?["properties"]?["name"]?["properties"]?["firstName"]?["type"] == "string")
        #expect(resolved["properties"]?["_acme"]?["properties"]?["loyalty"]?["properties"]?["since"]?["format"] == "date-time")
        let text = resolved.serialized()
        #expect(!text.contains("$ref") && !text.contains("allOf") && !text.contains("definitions"))
    }

    @Test func resolvedSchemaValidatesRealisticRecords() throws {
        let compiled = try XDMSchemaResolver(lookup: Self.tenantLookup).compile(Self.schema)
        let validator = try RecordValidator(schema: compiled)
        let record = json(
            #"""
            {"_id": "p-1", "person": {"name": {"firstName": "Ada", "lastName": "Lovelace"}, "birthDate": "1815-12-10"},
             "personalEmail": {"address": "ada@example.com"}, "mobilePhone": {"number": "+44 20 7946 0000"},
             "homeAddress": {"city": "London", "countryCode": "GB"},
             "identityMap": {"Email": [{"id": "ada@example.com", "primary": true, "authenticatedState": "authenticated"}]},
             "_acme": {"loyalty": {"points": "120", "tier": "gold", "since": "2020-01-01T00:00:00Z"}}}
            """#)
        let coerced = try validator.coerce(record)
        #expect(coerced["_acme"]?["loyalty"]?["points"] == 120)
        #expect(coerced["_acme"]?["loyalty"]?["since"] == 1_577_836_800_000)
        var bad = record
        bad["_acme"]?["loyalty"]?["points"] = "lots"
        bad["personalEmail"]?["address"] = "not-an-email"
        let errors = validator.validate(bad).errors
        #expect(Set(errors.map(\.path)) == ["/_acme/loyalty/points", "/personalEmail/address"])
    }

    @Test func twoFieldGroupsExtendTheSameObject() throws {
        let first = json(##"{"$id": "fg:a", "properties": {"_t": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}}}"##)
        let second = json(##"{"$id": "fg:b", "properties": {"_t": {"type": "object", "properties": {"b": {"type": "integer"}}, "required": ["b"]}}}"##)
        let resolver = XDMSchemaResolver(includeBuiltinsFrom: ["fg:a": first, "fg:b": second])
        let resolved = try resolver.resolve(json(##"{"type": "object", "allOf": [{"$ref": "fg:a"}, {"$ref": "fg:b"}]}"##))
        let tenant = try #require(resolved["properties"]?["_t"])
        #expect(Set(tenant["properties"]?.objectValue?.keys ?? [:].keys) == ["a", "b"])
        #expect(tenant["required"] == ["a", "b"])
    }

    @Test func referenceWithSiblingKeywords() throws {
        let resolved = try XDMSchemaResolver { _ in nil }.resolve(
            json(##"{"type": "object", "properties": {"home": {"$ref": "https://ns.adobe.com/xdm/common/address", "description": "mine"}}}"##))
        #expect(resolved["properties"]?["home"]?["description"] == "mine")
        #expect(resolved["properties"]?["home"]?["properties"]?["city"]?["type"] == "string")
    }

    @Test func unknownReference() {
        #expect {
            try XDMSchemaResolver { _ in nil }.resolve(json(##"{"allOf": [{"$ref": "https://ns.adobe.com/acme/mixins/nope"}]}"##))
        } throws: { error in
            (error as? XDMSchemaError)?.code == .unknownReference && (error as? XDMSchemaError)?.path == "/allOf/0/$ref"
        }
    }

    @Test func badPointer() {
        #expect {
            try XDMSchemaResolver { _ in nil }.resolve(json(##"{"definitions": {}, "allOf": [{"$ref": "#/definitions/missing"}]}"##))
        } throws: { ($0 as? XDMSchemaError)?.code == .badPointer }
    }

    @Test func directCycle() {
        let looping = json(##"{"$id": "dt:a", "type": "object", "properties": {"next": {"$ref": "dt:a"}}}"##)
        #expect {
            try XDMSchemaResolver(includeBuiltinsFrom: ["dt:a": looping]).resolve(json(##"{"allOf": [{"$ref": "dt:a"}]}"##))
        } throws: { ($0 as? XDMSchemaError)?.code == .cycle }
    }

    @Test func indirectCycleThroughLocalDefinitions() {
        let schema = json(
            ##"{"definitions": {"a": {"allOf": [{"$ref": "#/definitions/b"}]}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}, "allOf": [{"$ref": "#/definitions/a"}]}"##)
        #expect { try XDMSchemaResolver { _ in nil }.resolve(schema) } throws: { ($0 as? XDMSchemaError)?.code == .cycle }
    }

    @Test func sameDataTypeTwiceIsNotACycle() throws {
        let resolved = try XDMSchemaResolver { _ in nil }.resolve(
            json(##"{"type": "object", "properties": {"a": {"$ref": "https://ns.adobe.com/xdm/context/phonenumber"}, "b": {"$ref": "https://ns.adobe.com/xdm/context/phonenumber"}}}"##))
        #expect(resolved["properties"]?["b"]?["properties"]?["number"] != nil)
    }

    @Test func depthIsBounded() {
        var schema: JSONValue = ["type": "string"]
        for _ in 0..<100 { schema = ["type": "object", "properties": ["x": schema]] }
        #expect { try XDMSchemaResolver(maxDepth: 64) { _ in nil }.resolve(schema) } throws: {
            ($0 as? XDMSchemaError)?.code == .tooDeep
        }
        #expect(throws: Never.self) { try XDMSchemaResolver(maxDepth: 128) { _ in nil }.resolve(schema) }
    }

    @Test func conflictingTypes() {
        #expect {
            try XDMSchemaResolver { _ in nil }.resolve(json(##"{"allOf": [{"type": "object"}, {"type": "string"}]}"##))
        } throws: { ($0 as? XDMSchemaError)?.code == .conflict }
    }

    @Test func escapedPointerTokens() throws {
        let schema = json(
            ##"{"definitions": {"a/b": {"type": "object", "properties": {"x": {"type": "string"}}}}, "allOf": [{"$ref": "#/definitions/a~1b"}]}"##)
        #expect(try XDMSchemaResolver { _ in nil }.resolve(schema)["properties"]?["x"] == ["type": "string"])
    }

    @Test func withoutBuiltins() {
        let resolver = XDMSchemaResolver(source: XDMClosureSchemaSource { _ in nil }, includeBuiltins: false)
        #expect(throws: XDMSchemaError.self) { try resolver.resolve(json(##"{"allOf": [{"$ref": "https://ns.adobe.com/xdm/context/profile"}]}"##)) }
    }
}

extension XDMSchemaResolver {
    /// A resolver over a fixed dictionary of documents plus the built-ins.
    init(includeBuiltinsFrom documents: [String: JSONValue]) {
        self.init(source: XDMClosureSchemaSource { documents[$0] })
    }
}
