import BatchyardCore
import BatchyardStore

/// The reading half of the Catalog API. Inside a multi-request it reads through the transaction,
/// so later sub-requests see earlier writes.
struct CatalogReads: Sendable {
    let store: CatalogStore
    let transaction: CatalogTransaction?

    /// `GET /{collection}` → the ID-keyed map of one page.
    func list(_ collection: CatalogCollection, tenant: Tenant, query items: [(name: String, value: String)]) async throws -> CatalogResponse {
        let query = try Self.parse(items, schema: collection.listSchema)
        let objects = try await list(collection, tenant: tenant, query: query)
        return CatalogResponse(status: .ok, body: Self.keyed(objects, query: query))
    }

    /// `GET /{collection}/{id}` or `/{id1},{id2}` → the ID-keyed map; 404 when none exists.
    func lookup(_ collection: CatalogCollection, ids text: String, tenant: Tenant, query items: [(name: String, value: String)]) async throws -> CatalogResponse {
        let query = try Self.parse(items, schema: collection.lookupSchema)
        if let aggregate = items.first(where: { $0.name == "aggregate" })?.value,
            !["true", "false"].contains(aggregate.lowercased())
        {
            throw ProblemError.badRequest("'aggregate' must be true or false.", code: "CATALOG-1001-400")
        }
        let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !ids.isEmpty, ids.count <= 100 else {
            throw ProblemError.badRequest("Give between 1 and 100 comma-separated ids.", code: "CATALOG-1001-400")
        }
        let objects: [StoredObject]
        if let transaction {
            objects = try await transaction.get(collection, tenant: tenant, ids: ids)
        } else {
            objects = try await store.get(collection, tenant: tenant, ids: ids)
        }
        guard !objects.isEmpty else { throw Self.notFound(collection, id: text) }
        let etag = ids.count == 1 ? objects[0].version : nil
        return CatalogResponse(status: .ok, body: Self.keyed(objects, query: query), etag: etag)
    }

    /// `GET /batches/uniques/{field}` → the distinct values of a field among the filtered batches.
    func uniques(_ collection: CatalogCollection, field: String, tenant: Tenant, query items: [(name: String, value: String)]) async throws -> CatalogResponse {
        var schema = collection.listSchema
        schema.extraParameters.insert("transform")
        let query = try Self.parse(items, schema: schema)
        try Self.requireFieldName(field)
        if items.contains(where: { $0.name == "transform" }) {
            throw ProblemError.badRequest("Batchyard has no transforms; 'transform' cannot match anything.",
                                          code: "CATALOG-1001-400")
        }
        let values = try await store.uniques(collection, tenant: tenant, property: field, query: query)
        return CatalogResponse(status: .ok, body: .array(values))
    }

    /// A `uniques` field is a (dotted) property name, as the query language's are; anything else
    /// (quotes, backslashes, control characters) could not form a JSON path and answers 400.
    static func requireFieldName(_ field: String) throws {
        let valid = field.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { key in
            !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-@$".unicodeScalars.contains(scalar)
            }
        }
        guard valid else {
            throw ProblemError.badRequest(
                "'\(field)' is not a property name (letters, digits, '_', '-', '@', '$', keys joined by '.').",
                code: "CATALOG-1001-400")
        }
    }

    /// `GET /lastBatches` → each dataset's last batch, keyed by dataset id.
    func lastBatches(tenant: Tenant, query items: [(name: String, value: String)]) async throws -> CatalogResponse {
        var query = try Self.parse(items, schema: CatalogCollection.lastBatchesSchema)
        query.filter.conditions.append(.exists(property: "lastBatchId"))
        let renamed = query.orderBy.map { key in
            CatalogSortKey(property: CatalogCollection.lastBatchesSchema.simpleFilters[key.property] ?? key.property,
                           direction: key.direction)
        }
        query.orderBy = renamed
        let projection = query.properties
        query.properties = nil
        let datasets = try await list(.dataSets, tenant: tenant, query: query)
        var body: [String: JSONValue] = [:]
        for dataset in datasets {
            var view: [String: JSONValue] = [
                "imsOrg": dataset.document["imsOrg"] ?? .null,
                "sandboxId": .string(tenant.sandbox),
                "created": dataset.document["created"] ?? .null,
                "updated": dataset.document["updated"] ?? .null,
            ]
            view["lastBatchId"] = dataset.document["lastBatchId"]
            view["lastBatchStatus"] = dataset.document["lastBatchStatus"]
            view["lastSuccessfulBatchId"] = dataset.document["lastSuccessfulBatch"]
            view["lastFailedBatchId"] = dataset.document["lastFailedBatch"]
            let object = JSONValue.object(view)
            body[dataset.id] = projection.map { CatalogQuery.project(object, onto: $0) } ?? object
        }
        return CatalogResponse(status: .ok, body: .object(body))
    }

    private func list(_ collection: CatalogCollection, tenant: Tenant, query: CatalogQuery) async throws -> [StoredObject] {
        if let transaction { return try await transaction.list(collection, tenant: tenant, query: query) }
        return try await store.list(collection, tenant: tenant, query: query)
    }

    static func parse(_ items: [(name: String, value: String)], schema: CatalogQuerySchema) throws -> CatalogQuery {
        do {
            return try CatalogQuery(parsing: items, schema: schema)
        } catch {
            throw ProblemError.badRequest(error.description, code: "CATALOG-1001-400")
        }
    }

    static func keyed(_ objects: [StoredObject], query: CatalogQuery) -> JSONValue {
        var body: [String: JSONValue] = [:]
        for object in objects { body[object.id] = query.projected(object.document) }
        return .object(body)
    }

    static func notFound(_ collection: CatalogCollection, id: String) -> ProblemError {
        let noun = switch collection {
        case .dataSets: "dataset"
        case .batches: "batch"
        default: "dataSetFile"
        }
        return .notFound("The specified \(noun) '\(id)' was not found.", code: "CATALOG-1404-404")
    }
}
