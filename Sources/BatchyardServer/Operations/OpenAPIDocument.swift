import BatchyardCore

/// Builds the OpenAPI 3.1 document `/openapi.json` serves, from `APIOperations`.
///
/// Paths, parameters, status codes and error bodies follow aep-api.md and AEP's own OpenAPI files;
/// the schemas borrow their shapes. Catalog objects are open-ended documents, so their schemas
/// name the fields Batchyard reads and allow any others.
public enum OpenAPIDocument {
    /// The document for a server configured with `authMode`.
    public static func make(authMode: AuthMode) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for operation in APIOperations.all(authMode: authMode) {
            var item = paths[operation.path]?.objectValue ?? [:]
            item[operation.method.rawValue.lowercased()] = operation.json
            paths[operation.path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Batchyard",
                "version": "1.0.0",
                "description": """
                    Self-hosted re-implementation of Adobe Experience Platform's Catalog, Batch Ingestion, \
                    Data Access and (part of) Schema Registry APIs. API calls carry AEP's four gateway headers; \
                    /health, /ready, /metrics and /openapi.json need none.
                    """,
            ],
            "servers": [["url": "/"]],
            "tags": .array(["Operations", "Console", "Gateway", "Catalog", "Batch Ingestion", "Data Access", "Schema Registry"]
                .map { JSONValue.object(["name": .string($0)]) }),
            "security": [["bearerAuth": [], "apiKey": [], "imsOrg": [], "sandbox": []]],
            "paths": .object(paths),
            "components": ["securitySchemes": securitySchemes, "schemas": OpenAPISchemas.all],
        ]
    }

    /// AEP's gateway headers; with `--auth dev` any non-empty token and key pass.
    static let securitySchemes: JSONValue = [
        "bearerAuth": [
            "type": "http", "scheme": "bearer",
            "description": "`Authorization: Bearer {token}` (from `/ims/token/v3` with `--auth strict`).",
        ],
        "apiKey": ["type": "apiKey", "in": "header", "name": "x-api-key", "description": "The client id."],
        "imsOrg": [
            "type": "apiKey", "in": "header", "name": "x-gw-ims-org-id",
            "description": "The IMS organization, e.g. `4F3BB22C5631222A7F000101@AdobeOrg`.",
        ],
        "sandbox": ["type": "apiKey", "in": "header", "name": "x-sandbox-name", "description": "The sandbox, e.g. `prod`."],
    ]
}
