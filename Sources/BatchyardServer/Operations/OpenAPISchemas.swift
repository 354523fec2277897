import BatchyardCore

/// The `components.schemas` of `/openapi.json`.
enum OpenAPISchemas {
    static var all: JSONValue {
        [
            "Status": [
                "type": "object", "required": ["status"],
                "properties": ["status": ["type": "string"], "reason": ["type": "string"]],
            ],
            "Problem": [
                "type": "object", "description": "Problem details, as Platform services answer errors.",
                "required": ["type", "title", "status"],
                "properties": [
                    "type": ["type": "string", "examples": ["http://ns.adobe.com/aep/errors/CATALOG-1001-400"]],
                    "title": ["type": "string"], "status": ["type": "integer"], "detail": ["type": "string"],
                    "report": ["type": "object", "properties": ["requestId": ["type": "string"]]],
                ],
            ],
            "GatewayError": [
                "type": "object", "description": "The gateway's header and auth errors (aep-api.md §1.3).",
                "required": ["error_code", "message"],
                "properties": [
                    "error_code": ["type": "string", "examples": ["403010"]], "message": ["type": "string"],
                ],
            ],
            "ContentTypeError": [
                "type": "object", "description": "The gateway's answer to a body without `Content-Type`.",
                "required": ["type", "status", "title", "detail"],
                "properties": [
                    "type": ["type": "string"], "status": ["type": "integer"], "title": ["type": "string"],
                    "detail": ["type": "string"],
                ],
            ],
            "ObjectReferences": [
                "type": "array", "items": ["type": "string", "examples": ["@/dataSets/5c8c3c555033b814b69f947f"]],
            ],
            "CatalogObjects": [
                "type": "object", "description": "Objects keyed by id.",
                "additionalProperties": ["$ref": "#/components/schemas/CatalogObject"],
            ],
            "CatalogObject": [
                "type": "object", "description": "A dataset, batch or dataset file; open-ended.",
                "properties": [
                    "name": ["type": "string"], "description": ["type": "string"], "status": ["type": "string"],
                    "version": ["type": "string"], "created": ["type": "integer"], "updated": ["type": "integer"],
                    "tags": ["type": "object", "additionalProperties": ["type": "array", "items": ["type": "string"]]],
                    "schemaRef": [
                        "type": "object",
                        "properties": ["id": ["type": "string"], "contentType": ["type": "string"]],
                    ],
                ],
                "additionalProperties": true,
            ],
            "MultiRequest": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["id", "resource", "method"],
                    "properties": [
                        "id": ["type": "string"], "resource": ["type": "string", "examples": ["/dataSets"]],
                        "method": ["type": "string", "enum": ["GET", "POST", "PUT", "PATCH", "DELETE"]],
                        "body": ["type": "object"],
                    ],
                ],
            ],
            "JSONPatch": [
                "type": "array", "description": "RFC 6902 JSON Patch.",
                "items": [
                    "type": "object", "required": ["op", "path"],
                    "properties": [
                        "op": ["type": "string", "enum": ["add", "remove", "replace", "move", "copy", "test"]],
                        "path": ["type": "string"], "from": ["type": "string"], "value": [:],
                    ],
                ],
            ],
            "CreateBatchRequest": [
                "type": "object", "required": ["datasetId"],
                "properties": [
                    "datasetId": ["type": "string"],
                    "inputFormat": [
                        "type": "object",
                        "properties": [
                            "format": ["type": "string", "enum": ["json", "csv", "parquet"]],
                            "isMultiLineJson": ["type": "boolean"], "delimiter": ["type": "string"],
                            "header": ["type": "boolean"],
                        ],
                    ],
                    "enableErrorDiagnostics": ["type": "boolean"],
                    "partialIngestionPercentage": ["type": "number", "minimum": 0, "maximum": 100],
                    "replay": [
                        "type": "object",
                        "properties": ["predecessors": ["type": "array", "items": ["type": "string"]], "reason": ["type": "string"]],
                    ],
                    "tags": ["type": "object"],
                ],
            ],
            "DataAccessPage": [
                "type": "object",
                "properties": [
                    "data": ["type": "array", "items": ["type": "object"]],
                    "_page": ["type": "object", "properties": ["limit": ["type": "integer"], "count": ["type": "integer"]]],
                    "_links": ["type": "object"],
                ],
            ],
            "RegistryResource": [
                "type": "object", "description": "An XDM schema, field group, data type or class.",
                "properties": [
                    "$id": ["type": "string"], "meta:altId": ["type": "string"], "title": ["type": "string"],
                    "type": ["type": "string"], "version": ["type": "string"],
                    "allOf": ["type": "array", "items": ["type": "object"]], "definitions": ["type": "object"],
                ],
                "additionalProperties": true,
            ],
            "TokenRequest": [
                "type": "object", "required": ["grant_type", "client_id", "client_secret"],
                "properties": [
                    "grant_type": ["type": "string", "enum": ["client_credentials"]],
                    "client_id": ["type": "string"], "client_secret": ["type": "string"], "scope": ["type": "string"],
                ],
            ],
            "Token": [
                "type": "object", "required": ["access_token", "token_type", "expires_in"],
                "properties": [
                    "access_token": ["type": "string"], "token_type": ["type": "string"], "expires_in": ["type": "integer"],
                ],
            ],
            "OAuthError": [
                "type": "object", "required": ["error"],
                "properties": ["error": ["type": "string"], "error_description": ["type": "string"]],
            ],
        ]
    }
}
