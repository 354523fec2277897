import BatchyardCore
import Foundation
import HTTPTypes
import Testing

/// Schema Registry helpers for the HTTP tests.
enum Registry {
    static let base = "/data/foundation/schemaregistry"
    static let summaries = "application/vnd.adobe.xed-id+json"
    static let full = "application/vnd.adobe.xed+json"
    static let version1 = "application/vnd.adobe.xed+json; version=1"
    static let profileClass = "https://ns.adobe.com/xdm/context/profile"
    static let eventClass = "https://ns.adobe.com/xdm/context/experienceevent"
    static let demographic = "https://ns.adobe.com/xdm/context/profile-person-details"
    /// The tenant id of `TestServer.orgA` (its part before `@`, lower-cased).
    static let tenantA = "aaaa1111aaaa1111aaaa1111"

    /// A `$id` as a path segment (every reserved character encoded).
    static func encode(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }

    /// A field group of loyalty fields under the tenant namespace, for the profile class.
    static func loyaltyFieldGroup(tenant: String = tenantA, title: String = "Loyalty") -> JSONValue {
        [
            "title": .string(title), "description": "Loyalty program fields.", "type": "object",
            "meta:intendedToExtend": [.string(profileClass)],
            "definitions": [
                "loyalty": [
                    "properties": [
                        .init(stringLiteral: "_" + tenant): [
                            "type": "object",
                            "properties": [
                                "loyalty": [
                                    "type": "object",
                                    "properties": [
                                        "points": ["type": "integer", "minimum": 0, "maximum": 1_000_000],
                                        "tier": ["type": "string", "enum": ["bronze", "silver", "gold"]],
                                        "joined": ["type": "string", "format": "date"],
                                    ],
                                    "required": ["points"],
                                ]
                            ],
                        ]
                    ]
                ]
            ],
            "allOf": [["$ref": "#/definitions/loyalty"]],
        ]
    }

    /// A schema body on `classID` with the given field groups.
    static func schema(_ title: String, classID: String = profileClass, fieldGroups: [String] = []) -> JSONValue {
        let parts = ([classID] + fieldGroups).map { JSONValue.object(["$ref": .string($0)]) }
        return ["title": .string(title), "description": "A test schema.", "type": "object", "allOf": .array(parts)]
    }
}

extension APIClient {
    /// GET with an `Accept` header (`nil` sends none).
    func get(_ path: String, accept: String?, headers: HTTPFields = APIClient.headers()) async throws -> APIResponse {
        var headers = headers
        if let accept { headers[.accept] = accept }
        return try await send(.get, path, headers: headers)
    }

    /// POSTs a resource to `/tenant/{collection}`, expects 201 and returns the stored document.
    @discardableResult
    func createRegistryResource(
        _ collection: String, _ body: JSONValue, headers: HTTPFields = APIClient.headers(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let response = try await send(.post, "\(Registry.base)/tenant/\(collection)", json: body, headers: headers)
        #expect(response.status == .created, "\(response.text)", sourceLocation: sourceLocation)
        return response.json
    }

    /// Creates a profile schema (optionally with field groups) and returns its `$id`.
    func createSchema(
        _ title: String, fieldGroups: [String] = [], headers: HTTPFields = APIClient.headers()
    ) async throws -> String {
        try await createRegistryResource("schemas", Registry.schema(title, fieldGroups: fieldGroups), headers: headers)["$id"]?
            .stringValue ?? ""
    }
}
