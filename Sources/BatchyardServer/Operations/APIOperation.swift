import BatchyardCore
import HTTPTypes

/// One documented HTTP operation: what `/openapi.json` says about a method on a path.
///
/// Operations are values so the document can be built from the same tables the server
/// dispatches with (`CatalogEndpoint.all`) and so the coverage test can compare them to the router.
struct APIOperation: Sendable {
    var method: HTTPRequest.Method
    /// The OpenAPI path template, e.g. `/data/foundation/export/files/{fileId}`.
    var path: String
    var operationID: String
    var tag: String
    var summary: String
    /// Query and header parameters (path parameters are derived from `path`).
    var parameters: [JSONValue] = []
    /// Schemas of path parameters that are not free strings (enums), by name.
    var pathSchemas: [String: JSONValue] = [:]
    var requestBody: JSONValue?
    /// Responses by status code, besides the gateway's errors that every API call can answer.
    var responses: [(status: Int, response: JSONValue)]

    /// API calls pass AEP's gateway and need its four headers; operations endpoints do not.
    var isGated: Bool { path.hasPrefix(GatewayMiddleware.apiPrefix) }

    /// The names of the `{placeholders}` of `path`, in order.
    var pathParameterNames: [String] {
        path.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            return String(segment.dropFirst().dropLast())
        }
    }

    /// The OpenAPI Operation Object.
    var json: JSONValue {
        var allParameters: [JSONValue] = pathParameterNames.map { name in
            [
                "name": .string(name), "in": "path", "required": true,
                "schema": pathSchemas[name] ?? ["type": "string", "minLength": 1],
            ]
        }
        allParameters += parameters
        var responseObjects: [String: JSONValue] = [:]
        for (status, response) in responses { responseObjects[String(status)] = response }
        if isGated {
            responseObjects["400"] = responseObjects["400"] ?? APIResponses.problemOrGateway("Bad request, or a gateway header is missing.")
            responseObjects["401"] = APIResponses.gateway("The token is not valid.")
            responseObjects["403"] = APIResponses.gateway("The token or API key is missing or not entitled.")
            responseObjects["414"] = APIResponses.problem("The URL is longer than 2000 characters.")
        }
        var operation: [String: JSONValue] = [
            "operationId": .string(operationID), "tags": [.string(tag)], "summary": .string(summary),
            "responses": .object(responseObjects),
        ]
        if !allParameters.isEmpty { operation["parameters"] = .array(allParameters) }
        if let requestBody { operation["requestBody"] = requestBody }
        if !isGated { operation["security"] = [] }
        return .object(operation)
    }
}

/// Builders for the parameter, body and response objects the operation tables repeat.
enum APIParameters {
    static func query(_ name: String, _ description: String, schema: JSONValue = ["type": "string"], required: Bool = false) -> JSONValue {
        ["name": .string(name), "in": "query", "required": .bool(required), "description": .string(description), "schema": schema]
    }

    static func header(_ name: String, _ description: String, schema: JSONValue = ["type": "string"], required: Bool = false) -> JSONValue {
        ["name": .string(name), "in": "header", "required": .bool(required), "description": .string(description), "schema": schema]
    }

    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }

    /// The Catalog list query language (aep-api.md §2.3–2.4); other filters are accepted too.
    /// A top-level property name of the query language (the server also takes any Unicode letter).
    static let propertyName = "[A-Za-z0-9_@$-]+"

    static let catalogList: [JSONValue] = [
        query("limit", "Page size, 1–100 (default 20).", schema: ["type": "integer", "minimum": 1, "maximum": 100]),
        query("start", "Offset of the first object.", schema: ["type": "integer", "minimum": 0]),
        query("orderBy", "Sort keys, e.g. `name,desc:updated`.", schema: [
            "type": "string", "pattern": .string("^((asc|desc):)?\(propertyName)(,((asc|desc):)?\(propertyName))*$"),
        ]),
        properties,
        query("property", "A condition such as `name~^Loyalty` or `created>=1700000000000`.",
              schema: ["type": "string", "minLength": 1]),
    ]

    static let properties = query("properties", "Comma-separated properties to return.", schema: [
        "type": "string", "pattern": .string("^\(propertyName)(,\(propertyName))*$"),
    ])

    static let catalogLookup: [JSONValue] = [properties]

    static let preconditions: [JSONValue] = [
        header("If-Match", "Only write if the object's version (ETag) matches."),
        header("If-None-Match", "Only write if the object's version (ETag) does not match."),
    ]

    static let validateOnly = header("Pragma", "`validate-only`: validate the write, persist nothing.")
}

/// Builders for request bodies.
enum APIBodies {
    static func json(_ schema: JSONValue, patch: Bool = false) -> JSONValue {
        var content: [String: JSONValue] = ["application/json": ["schema": schema]]
        if patch { content["application/json-patch+json"] = ["schema": ["$ref": "#/components/schemas/JSONPatch"]] }
        return ["required": true, "content": .object(content)]
    }

    static let octetStream: JSONValue = [
        "required": true,
        "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]],
    ]
}

/// Builders for response objects.
enum APIResponses {
    static func json(_ description: String, _ schema: JSONValue, headers: JSONValue? = nil) -> JSONValue {
        var response: [String: JSONValue] = [
            "description": .string(description), "content": ["application/json": ["schema": schema]],
        ]
        if let headers { response["headers"] = headers }
        return .object(response)
    }

    static func empty(_ description: String) -> JSONValue { ["description": .string(description)] }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func problem(_ description: String) -> JSONValue { json(description, ref("Problem")) }

    static func gateway(_ description: String) -> JSONValue { json(description, ref("GatewayError")) }

    static func problemOrGateway(_ description: String) -> JSONValue {
        // anyOf, not oneOf: the gateway's content-type body is also a valid problem body.
        json(description, ["anyOf": [ref("Problem"), ref("GatewayError"), ref("ContentTypeError")]])
    }

    /// `["@/dataSets/{id}"]`, with the `Location` of the object.
    static func references(_ description: String) -> JSONValue {
        json(description, ref("ObjectReferences"))
    }
}
