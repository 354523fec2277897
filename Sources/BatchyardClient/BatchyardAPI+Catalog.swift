import BatchyardCore

/// The Catalog, Batch Ingestion and Schema Registry calls the commands make.
extension BatchyardAPI {
    static let catalog = "/data/foundation/catalog"
    static let importPrefix = "/data/foundation/import"
    static let registry = "/data/foundation/schemaregistry/tenant/schemas"

    /// `GET /dataSets` with Catalog query parameters → `{id: dataset, …}`.
    public func listDatasets(query: [(String, String)]) async throws(ClientError) -> JSONValue {
        try await send(.GET, Self.catalog + "/dataSets", query: query).json
    }

    /// `GET /dataSets/{id}` → the dataset (unwrapped from `{id: …}`).
    public func dataset(_ id: String) async throws(ClientError) -> JSONValue {
        Self.unwrap(try await send(.GET, Self.catalog + "/dataSets/" + Self.encode(id)).json, id: id)
    }

    /// `POST /dataSets` → the new dataset's id (from `["@/dataSets/{id}"]`).
    public func createDataset(_ body: JSONValue) async throws(ClientError) -> String {
        let answer = try await send(.POST, Self.catalog + "/dataSets", json: body).json
        return Self.idFromReference(answer)
    }

    /// `DELETE /dataSets/{id}`.
    public func deleteDataset(_ id: String) async throws(ClientError) {
        _ = try await send(.DELETE, Self.catalog + "/dataSets/" + Self.encode(id))
    }

    /// `GET /batches` with Catalog query parameters → `{id: batch, …}`.
    public func listBatches(query: [(String, String)]) async throws(ClientError) -> JSONValue {
        try await send(.GET, Self.catalog + "/batches", query: query).json
    }

    /// `GET /batches/{id}` → the batch (unwrapped).
    public func batch(_ id: String) async throws(ClientError) -> JSONValue {
        Self.unwrap(try await send(.GET, Self.catalog + "/batches/" + Self.encode(id)).json, id: id)
    }

    /// `POST /import/batches` → the new batch object. Error diagnostics are on, so a failed batch
    /// can show its bad rows.
    public func createBatch(datasetID: String, inputFormat: JSONValue, diagnostics: Bool = true) async throws(ClientError) -> JSONValue {
        try await send(.POST, Self.importPrefix + "/batches", json: [
            "datasetId": .string(datasetID), "inputFormat": inputFormat, "enableErrorDiagnostics": .bool(diagnostics),
        ]).json
    }

    /// `POST /import/batches/{id}?action=…` (COMPLETE, ABORT, FAIL, REVERT).
    public func signal(batchID: String, action: String) async throws(ClientError) {
        _ = try await send(.POST, Self.importPrefix + "/batches/" + Self.encode(batchID), query: [("action", action.uppercased())])
    }

    /// `GET /tenant/schemas` (summaries) → `{"results": […], "_page": …}`.
    public func listSchemas(query: [(String, String)]) async throws(ClientError) -> JSONValue {
        try await send(.GET, Self.registry, query: query, headers: [("Accept", "application/vnd.adobe.xed-id+json")]).json
    }

    /// `GET /tenant/schemas/{$id or meta:altId}`, fully expanded.
    public func schema(_ id: String) async throws(ClientError) -> JSONValue {
        try await send(.GET, Self.registry + "/" + Self.encode(id),
                       headers: [("Accept", "application/vnd.adobe.xed-full+json; version=1")]).json
    }

    /// `POST /tenant/schemas` → the stored schema.
    public func createSchema(_ body: JSONValue) async throws(ClientError) -> JSONValue {
        try await send(.POST, Self.registry, json: body).json
    }

    /// `{"id": {...}}` → `{...}`; other shapes are returned as they are.
    static func unwrap(_ answer: JSONValue, id: String) -> JSONValue {
        if let inner = answer[id] { return inner }
        if let members = answer.objectValue, members.count == 1, let only = members.values.first, only.objectValue != nil {
            return only
        }
        return answer
    }

    /// `["@/dataSets/{id}"]` → `{id}`.
    static func idFromReference(_ answer: JSONValue) -> String {
        let reference = answer.arrayValue?.first?.stringValue ?? ""
        return String(reference.split(separator: "/").last ?? "")
    }
}
