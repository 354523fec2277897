import BatchyardCore
import BatchyardStore
import Hummingbird

/// The writing half of the Catalog API, inside one transaction.
struct CatalogWrites: Sendable {
    let tx: CatalogTransaction
    /// Refuses datasets whose `schemaRef.id` names no schema of the tenant.
    var schemas: any SchemaReferenceChecker = AnySchemaReference()

    /// POST `/{collection}` (or `/batches/{id}` with a chosen id) → 201 `["@/{collection}/{id}"]`.
    func create(
        _ collection: CatalogCollection, chosenID: String?, request: CatalogRequest,
        context: CatalogDocumentRules.WriteContext
    ) async throws -> CatalogResponse {
        let body = try Self.objectBody(request)
        do {
            try CatalogDocumentRules.validate(body, collection: collection, requireStatus: collection == .batches)
        } catch {
            throw ProblemError.badRequest("Invalid \(collection.pathName) object: \(error).", code: "CATALOG-1002-400")
        }
        try await checkSchemaReference(body["schemaRef"], collection: collection, tenant: context.tenant)
        let id = chosenID ?? Self.newID(for: collection, now: context.now)
        let document = CatalogDocumentRules.newDocument(body, id: id, collection: collection, context: context)
        do {
            try await tx.insert(collection, tenant: context.tenant, object: StoredObject(id: id, document: document))
        } catch let error as StoreError {
            throw CatalogService.problem(for: error)
        }
        return CatalogResponse(
            status: .created, body: [.string(collection.reference(to: id))],
            location: "/data/foundation/catalog/\(collection.pathName)/\(id)")
    }

    /// PUT `/{collection}/{id}`: replaces the client-writable fields.
    func replace(
        _ collection: CatalogCollection, id: String, request: CatalogRequest,
        context: CatalogDocumentRules.WriteContext
    ) async throws -> CatalogResponse {
        let body = try Self.objectBody(request)
        let existing = try await current(collection, id: id, request: request, tenant: context.tenant)
        do {
            try CatalogDocumentRules.validate(body, collection: collection, requireStatus: collection == .batches)
        } catch {
            throw ProblemError.badRequest("Invalid \(collection.pathName) object: \(error).", code: "CATALOG-1002-400")
        }
        try await checkSchemaReference(body["schemaRef"], collection: collection, tenant: context.tenant)
        let document = CatalogDocumentRules.replacementDocument(
            body, existing: existing.document, collection: collection, context: context)
        return try await save(collection, id: id, document: document, previous: existing, tenant: context.tenant)
    }

    /// PATCH `/{collection}/{id}` (JSON merge or RFC 6902 JSON Patch) and `/v2/dataSets/{id}` (deep merge).
    func patch(
        _ collection: CatalogCollection, id: String, request: CatalogRequest,
        context: CatalogDocumentRules.WriteContext, deepMerge: Bool
    ) async throws -> CatalogResponse {
        guard let body = request.body else {
            throw ProblemError.badRequest("PATCH needs a JSON body.", code: "CATALOG-1002-400")
        }
        let existing = try await current(collection, id: id, request: request, tenant: context.tenant)
        let patched: JSONValue
        if request.contentType == "application/json-patch+json" {
            do {
                patched = try JSONPatch(json: body).applied(to: existing.document)
            } catch {
                throw ProblemError.badRequest("The JSON Patch could not be applied: \(error).", code: "CATALOG-1003-400")
            }
        } else {
            guard body.objectValue != nil else {
                throw ProblemError.badRequest(
                    "A merge PATCH body must be a JSON object; send an array of operations with "
                        + "Content-Type application/json-patch+json for JSON Patch.", code: "CATALOG-1002-400")
            }
            patched = deepMerge ? existing.document.deepMerged(with: body) : existing.document.mergePatched(with: body)
        }
        let document: JSONValue
        do {
            document = try CatalogDocumentRules.patchedDocument(
                patched, existing: existing.document, collection: collection, context: context)
        } catch {
            throw ProblemError.badRequest("Invalid change to \(collection.pathName) '\(id)': \(error).", code: "CATALOG-1002-400")
        }
        if document["schemaRef"] != existing.document["schemaRef"] {
            try await checkSchemaReference(document["schemaRef"], collection: collection, tenant: context.tenant)
        }
        return try await save(collection, id: id, document: document, previous: existing, tenant: context.tenant)
    }

    /// DELETE `/{collection}/{id}` → 200 `["@/…"]`; an id that is not there → 200 `[]`, as AEP does.
    func delete(_ collection: CatalogCollection, id: String, request: CatalogRequest, tenant: Tenant) async throws -> CatalogResponse {
        if request.ifMatch != nil, let existing = try await tx.get(collection, tenant: tenant, id: id) {
            try Self.checkPreconditions(request, version: existing.version, id: id)
        }
        let deleted = try await tx.delete(collection, tenant: tenant, id: id)
        return CatalogResponse(status: .ok, body: .array(deleted ? [.string(collection.reference(to: id))] : []))
    }

    private func current(_ collection: CatalogCollection, id: String, request: CatalogRequest, tenant: Tenant) async throws -> StoredObject {
        guard let existing = try await tx.get(collection, tenant: tenant, id: id) else {
            throw CatalogReads.notFound(collection, id: id)
        }
        try Self.checkPreconditions(request, version: existing.version, id: id)
        return existing
    }

    private func save(
        _ collection: CatalogCollection, id: String, document: JSONValue, previous: StoredObject, tenant: Tenant
    ) async throws -> CatalogResponse {
        do {
            try await tx.replace(
                collection, tenant: tenant, object: StoredObject(id: id, document: document),
                expectedVersion: previous.version)
        } catch let error as StoreError {
            throw CatalogService.problem(for: error)
        }
        return CatalogResponse(
            status: .ok, body: [.string(collection.reference(to: id))], etag: document["version"]?.stringValue)
    }

    /// A dataset may only reference a schema its tenant has (a tenant schema or a built-in class).
    private func checkSchemaReference(_ schemaRef: JSONValue?, collection: CatalogCollection, tenant: Tenant) async throws {
        guard collection == .dataSets, let id = schemaRef?["id"]?.stringValue else { return }
        guard try await schemas.schemaExists(id, tenant: tenant) else {
            throw ProblemError.badRequest(
                "schemaRef.id '\(id)' names no schema in this org and sandbox; create it in the Schema Registry "
                    + "(POST /data/foundation/schemaregistry/tenant/schemas) or use a class such as "
                    + "https://ns.adobe.com/xdm/context/profile.", code: "CATALOG-1002-400")
        }
    }

    /// `If-Match` must name the current version; `If-None-Match` must not.
    static func checkPreconditions(_ request: CatalogRequest, version: String, id: String) throws {
        if let ifMatch = request.ifMatch, !ETag.matches(ifMatch, version: version) {
            throw ProblemError.preconditionFailed(
                "If-Match \(ifMatch) does not match the current version \(version) of '\(id)'.")
        }
        if let ifNoneMatch = request.ifNoneMatch, ETag.matches(ifNoneMatch, version: version) {
            throw ProblemError.preconditionFailed("If-None-Match \(ifNoneMatch) matches the current version of '\(id)'.")
        }
    }

    static func objectBody(_ request: CatalogRequest) throws -> [String: JSONValue] {
        guard let body = request.body else {
            throw ProblemError.badRequest("This call needs a JSON object body.", code: "CATALOG-1002-400")
        }
        guard let members = body.objectValue else {
            throw ProblemError.badRequest("The body must be a JSON object.", code: "CATALOG-1002-400")
        }
        return members
    }

    static func newID(for collection: CatalogCollection, now: Int64) -> String {
        collection == .dataSets ? CatalogIdentifier.objectID(millis: now) : CatalogIdentifier.ulid(millis: now)
    }
}

/// ETags carry the object's version; clients send it back quoted or bare.
enum ETag {
    static func header(for version: String) -> String { "\"\(version)\"" }

    static func matches(_ header: String, version: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag.hasPrefix("\""), tag.hasSuffix("\""), tag.count >= 2 { tag = String(tag.dropFirst().dropLast()) }
            return tag == version
        }
    }
}
