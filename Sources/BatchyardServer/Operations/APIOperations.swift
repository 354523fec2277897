import BatchyardCore
import HTTPTypes

/// Every operation Batchyard serves, as `/openapi.json` documents it.
///
/// The Catalog's come from its dispatch table (`CatalogEndpoint.all`); the rest are listed here,
/// and `OpenAPICoverageTests` holds this list and the router to each other.
enum APIOperations {
    /// All operations for a server configured with `authMode` (the token endpoint exists only in strict mode).
    static func all(authMode: AuthMode) -> [APIOperation] {
        var operations = operationsEndpoints
        if authMode == .strict { operations.append(token) }
        return operations + console + catalog + batchIngestion + dataAccess + schemaRegistry
    }

    // MARK: Operations

    static let operationsEndpoints: [APIOperation] = [
        APIOperation(
            method: .get, path: "/health", operationID: "health", tag: "Operations",
            summary: "Liveness: the process answers.",
            responses: [(200, APIResponses.json("Alive.", APIResponses.ref("Status")))]),
        APIOperation(
            method: .get, path: "/ready", operationID: "ready", tag: "Operations",
            summary: "Readiness: the metadata database answers and the blob store is writable.",
            responses: [
                (200, APIResponses.json("Ready to serve.", APIResponses.ref("Status"))),
                (503, APIResponses.json("Not ready; `reason` says why.", APIResponses.ref("Status"))),
            ]),
        APIOperation(
            method: .get, path: "/metrics", operationID: "metrics", tag: "Operations",
            summary: "Prometheus metrics (text exposition format).",
            responses: [(200, ["description": "The metrics.", "content": ["text/plain": ["schema": ["type": "string"]]]])]),
        APIOperation(
            method: .get, path: "/openapi.json", operationID: "openapi", tag: "Operations",
            summary: "This document.",
            responses: [(200, APIResponses.json("The OpenAPI 3.1 document.", ["type": "object"]))]),
    ]

    /// The web console's page, its settings and its embedded files (no credentials: the page asks for them).
    static let console: [APIOperation] = [
        APIOperation(
            method: .get, path: "/console", operationID: "console", tag: "Console", summary: "The web console.",
            responses: [(200, ["description": "The page.", "content": ["text/html": ["schema": ["type": "string"]]]])]),
        APIOperation(
            method: .get, path: "/console/config.json", operationID: "consoleConfig", tag: "Console",
            summary: "What the console needs before its first API call (auth mode, defaults).",
            responses: [(200, APIResponses.json("The settings.", ["type": "object"]))]),
        APIOperation(
            method: .get, path: "/console/{asset}", operationID: "consoleAsset", tag: "Console",
            summary: "One of the console's embedded files (script, style).",
            responses: [
                (200, ["description": "The file.", "content": ["*/*": ["schema": ["type": "string"]]]]),
                (404, APIResponses.problem("The console has no such file.")),
            ]),
    ]

    static let token = APIOperation(
        method: .post, path: "/ims/token/v3", operationID: "issueToken", tag: "Gateway",
        summary: "Client-credentials grant (`--auth strict`).",
        requestBody: [
            "required": true,
            "content": ["application/x-www-form-urlencoded": ["schema": APIResponses.ref("TokenRequest")]],
        ],
        responses: [
            (200, APIResponses.json("A bearer token.", APIResponses.ref("Token"))),
            (400, APIResponses.json("Unsupported grant type.", APIResponses.ref("OAuthError"))),
            (401, APIResponses.json("Unknown client or wrong secret.", APIResponses.ref("OAuthError"))),
            (413, APIResponses.problem("The body is larger than 64 KiB.")),
            (415, APIResponses.problem("The body is not form-encoded.")),
        ])

    // MARK: Batch Ingestion

    static var batchIngestion: [APIOperation] {
        let batches = ImportController.prefix + "/batches"
        let file = batches + "/{batchId}/datasets/{datasetId}/files/{filePath}"
        let notFound = APIResponses.problem("No such batch, dataset or file in this org and sandbox.")
        let mediaType = APIResponses.problem("The body is not `application/octet-stream`.")
        let action = { (values: [String], required: Bool) in
            APIParameters.query("action", "What to do.", schema: APIParameters.enumeration(values), required: required)
        }
        func op(_ method: HTTPRequest.Method, _ path: String, _ id: String, _ summary: String,
                parameters: [JSONValue] = [], requestBody: JSONValue? = nil, _ responses: [(Int, JSONValue)]) -> APIOperation {
            APIOperation(method: method, path: path, operationID: id, tag: "Batch Ingestion", summary: summary,
                         parameters: parameters, requestBody: requestBody,
                         responses: responses.map { (status: $0.0, response: $0.1) })
        }
        return [
            op(.post, batches, "createBatch", "Create a batch to upload files into.",
               requestBody: APIBodies.json(APIResponses.ref("CreateBatchRequest")),
               [(201, APIResponses.json("The batch, status `loading`.", APIResponses.ref("CatalogObject"))),
                (404, notFound), (413, APIResponses.problem("The body is larger than 4 MiB.")),
                (415, APIResponses.problem("The body is not JSON."))]),
            op(.post, batches + "/{batchId}", "signalBatch", "Signal a batch: COMPLETE, ABORT, FAIL or REVERT.",
               parameters: [action(["COMPLETE", "ABORT", "FAIL", "REVERT"], true)],
               [(200, APIResponses.empty("The signal took effect.")), (404, notFound)]),
            op(.put, file, "uploadFile", "Upload a small file (up to 256 MB) in one request.",
               requestBody: APIBodies.octetStream,
               [(200, APIResponses.empty("Stored.")), (404, notFound), (409, APIResponses.problem("The batch no longer takes files.")),
                (413, APIResponses.problem("The file is too large for one request.")), (415, mediaType)]),
            op(.post, file, "largeFileAction", "Start (`INITIALIZE`) or finish (`COMPLETE`) a large file.",
               parameters: [action(["INITIALIZE", "COMPLETE"], true)],
               [(201, APIResponses.empty("Done.")), (404, notFound), (409, APIResponses.problem("The file is not in a state that allows it."))]),
            op(.patch, file, "uploadChunk", "Upload one chunk of a large file.",
               parameters: [APIParameters.header("Content-Range", "`bytes {first}-{last}/{total}`.",
                                                 schema: ["type": "string", "pattern": "^bytes [0-9]+-[0-9]+/[0-9]+$"],
                                                 required: true)],
               requestBody: APIBodies.octetStream,
               [(200, APIResponses.empty("Stored; `Range` says what has arrived.")), (404, notFound),
                (409, APIResponses.problem("The file was not initialized or is complete.")),
                (413, APIResponses.problem("The chunk is too large.")), (415, mediaType),
                (416, APIResponses.problem("The range does not fit the file."))]),
            op(.head, file, "uploadStatus", "Whether a file is complete, and which ranges have arrived.",
               [(200, APIResponses.empty("Known file.")), (404, APIResponses.empty("No such file."))]),
            op(.get, batches + "/{batchId}/datasets/{datasetId}/preview", "previewUpload",
               "Preview the first rows of a batch's uploaded files.",
               parameters: [APIParameters.query("nrow", "Rows to return.", schema: ["type": "integer", "minimum": 0])],
               [(200, APIResponses.json("The rows.", ["type": "object"])), (404, notFound)]),
        ]
    }

    // MARK: Data Access

    static var dataAccess: [APIOperation] {
        let prefix = DataAccessController.prefix
        let paging = [
            APIParameters.query("start", "Offset of the first entry.", schema: ["type": "integer", "minimum": 0]),
            APIParameters.query("limit", "Page size, 1–100.", schema: ["type": "integer", "minimum": 1, "maximum": 100]),
        ]
        let notFound = APIResponses.problem("No such batch, file or dataset in this org and sandbox.")
        let page = APIResponses.json("A page of entries.", APIResponses.ref("DataAccessPage"))
        let pathParameter = APIParameters.query("path", "The name of one file.")
        func op(_ method: HTTPRequest.Method, _ path: String, _ id: String, _ summary: String,
                parameters: [JSONValue] = [], _ responses: [(Int, JSONValue)]) -> APIOperation {
            APIOperation(method: method, path: prefix + path, operationID: id, tag: "Data Access", summary: summary,
                         parameters: parameters, responses: responses.map { (status: $0.0, response: $0.1) })
        }
        let bytes: JSONValue = [
            "description": "The file's bytes (or the requested range).",
            "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]],
        ]
        return [
            op(.get, "/batches/{batchId}/files", "listBatchFiles", "The dataset files of a successful batch.",
               parameters: paging, [(200, page), (404, notFound)]),
            op(.get, "/batches/{batchId}/failed", "listFailedFiles", "The input files of a failed batch.",
               parameters: paging + [pathParameter], [(200, page), (404, notFound)]),
            op(.get, "/batches/{batchId}/meta", "getBatchMeta", "A batch's diagnostic files (`path=` for one).",
               parameters: paging + [pathParameter], [(200, page), (404, notFound)]),
            op(.get, "/files/{fileId}", "getFile", "A dataset file's listing, or with `path=` its bytes (`Range` supported).",
               parameters: paging + [pathParameter, APIParameters.header("Range", "`bytes=first-last`.")],
               [(200, bytes), (206, bytes), (404, notFound), (416, APIResponses.problem("The range is not satisfiable."))]),
            op(.head, "/files/{fileId}", "headFile", "A dataset file's length.",
               parameters: [pathParameter], [(200, APIResponses.empty("Known file.")), (404, APIResponses.empty("No such file."))]),
            op(.get, "/datasets/{datasetId}/preview", "previewDataset", "The latest rows of a dataset.",
               [(200, APIResponses.json("The rows.", ["type": "object"])), (404, notFound)]),
        ]
    }

    // MARK: Schema Registry

    static var schemaRegistry: [APIOperation] {
        let prefix = SchemaRegistryController.prefix
        let collections = ["schemas", "fieldgroups", "mixins", "datatypes", "classes"]
        let writable = ["schemas", "fieldgroups", "mixins", "datatypes"]
        let listAccept = APIParameters.header(
            "Accept", "`application/vnd.adobe.xed-id+json` (summaries) or `application/vnd.adobe.xed+json` (full).",
            schema: APIParameters.enumeration(["application/vnd.adobe.xed-id+json", "application/vnd.adobe.xed+json"]),
            required: true)
        let accept = APIParameters.header(
            "Accept", "`application/vnd.adobe.xed[-full|-notext|-full-notext|-full-desc]+json; version=1`.",
            schema: APIParameters.enumeration([
                "application/vnd.adobe.xed+json; version=1", "application/vnd.adobe.xed-full+json; version=1",
                "application/vnd.adobe.xed-notext+json; version=1", "application/vnd.adobe.xed-full-notext+json; version=1",
                "application/vnd.adobe.xed-full-desc+json; version=1",
            ]),
            required: true)
        let notFound = APIResponses.problem("No such resource in this org and sandbox.")
        let resource = APIResponses.json("The resource.", APIResponses.ref("RegistryResource"))
        let body = APIBodies.json(APIResponses.ref("RegistryResource"))
        func op(_ method: HTTPRequest.Method, _ path: String, _ id: String, _ summary: String,
                parameters: [JSONValue] = [], requestBody: JSONValue? = nil, tenantOnly: Bool = false,
                _ responses: [(Int, JSONValue)]) -> APIOperation {
            var schemas: [String: JSONValue] = [
                "container": APIParameters.enumeration(["global", "tenant"]),
                "collection": APIParameters.enumeration(tenantOnly ? writable : collections),
            ]
            if tenantOnly { schemas["container"] = nil }
            return APIOperation(
                method: method, path: prefix + path, operationID: id, tag: "Schema Registry", summary: summary,
                parameters: parameters, pathSchemas: schemas, requestBody: requestBody,
                responses: responses.map { (status: $0.0, response: $0.1) })
        }
        return [
            op(.get, "/stats", "registryStats", "Counts and recent resources of the tenant.",
               [(200, APIResponses.json("The statistics.", ["type": "object"]))]),
            op(.get, "/{container}/{collection}", "listRegistryResources", "List resources.",
               parameters: [listAccept, APIParameters.query("orderby", "Sort key, e.g. `title`."),
                            APIParameters.query("limit", "Page size.", schema: ["type": "integer", "minimum": 1]),
                            APIParameters.query("start", "Continue after this value.")],
               [(200, APIResponses.json("The resources.", ["type": "object"])), (406, notFound)]),
            op(.get, "/{container}/{collection}/{id}", "getRegistryResource", "Look up a resource by `$id` or `meta:altId`.",
               parameters: [accept], [(200, resource), (404, notFound), (406, APIResponses.problem("Unsupported Accept."))]),
            op(.post, "/tenant/{collection}", "createRegistryResource", "Create a schema, field group or data type.",
               requestBody: body, tenantOnly: true,
               [(201, resource), (413, APIResponses.problem("The body is larger than 4 MiB.")),
                (415, APIResponses.problem("The body is not JSON."))]),
            op(.put, "/tenant/{collection}/{id}", "replaceRegistryResource", "Replace a resource.",
               requestBody: body, tenantOnly: true, [(200, resource), (404, notFound)]),
            op(.patch, "/tenant/{collection}/{id}", "patchRegistryResource", "Change a resource with an RFC 6902 JSON Patch.",
               requestBody: APIBodies.json(APIResponses.ref("JSONPatch")), tenantOnly: true, [(200, resource), (404, notFound)]),
            op(.delete, "/tenant/{collection}/{id}", "deleteRegistryResource", "Delete a resource nothing uses.",
               tenantOnly: true, [(204, APIResponses.empty("Deleted.")), (404, notFound)]),
        ]
    }
}
