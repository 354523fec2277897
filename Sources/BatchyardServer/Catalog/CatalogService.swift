import HTTPTypes
import BatchyardCore
import BatchyardStore
import Foundation
import Hummingbird

/// The Catalog Service API (`/data/foundation/catalog`), over HTTP-independent requests.
///
/// Routing happens here rather than in the router because collection names are matched
/// case-insensitively and because multi-request `POST /` replays sub-requests through `handle`.
struct CatalogService: Sendable {
    let store: CatalogStore
    let clock: @Sendable () -> Int64
    /// Where datasets' `schemaRef.id`s are checked (the Schema Registry in the server).
    var schemas: any SchemaReferenceChecker = AnySchemaReference()

    /// Serves one request. Writes run in `transaction` when given (multi-request), else in their own.
    func handle(
        _ request: CatalogRequest, principal: Principal, tenant: Tenant, transaction: CatalogTransaction? = nil
    ) async throws -> CatalogResponse {
        let path = request.path
        let method = request.method
        let context = CatalogDocumentRules.WriteContext(
            tenant: tenant, clientID: principal.clientID, userID: principal.userID, now: clock())
        let reads = CatalogReads(store: store, transaction: transaction)

        let endpoint = try CatalogEndpoint.resolve(method, path)
        switch endpoint {
        case .listCollections, .multiRequest:
            // The root is the controller's; a multi-request sub-request cannot name it.
            throw Self.noSuchEndpoint(path)
        case .lastBatches:
            return try await reads.lastBatches(tenant: tenant, query: request.query)
        case .deepMergeDataSet:
            return try await write(request, transaction: transaction) { tx in
                try await CatalogWrites(tx: tx, schemas: schemas).patch(.dataSets, id: path[2], request: request, context: context, deepMerge: true)
            }
        case .uniques:
            return try await reads.uniques(.batches, field: path[2], tenant: tenant, query: request.query)
        case .list(let collection):
            return try await reads.list(collection, tenant: tenant, query: request.query)
        case .create(let collection):
            try Self.requireNoQuery(request, except: ["requestDataSource"])
            return try await write(request, transaction: transaction) { tx in
                try await CatalogWrites(tx: tx, schemas: schemas).create(collection, chosenID: nil, request: request, context: context)
            }
        case .lookup(let collection):
            return try await reads.lookup(collection, ids: path[1], tenant: tenant, query: request.query)
        case .createWithID:
            let id = path[1]
            try Self.requireNoQuery(request)
            guard CatalogIdentifier.isValidClientChosen(id) else {
                throw ProblemError.badRequest(
                    "A batch id chosen by the client must be 1–128 letters, digits, '-' or '_'; '\(id)' is not.")
            }
            return try await write(request, transaction: transaction) { tx in
                try await CatalogWrites(tx: tx, schemas: schemas).create(.batches, chosenID: id, request: request, context: context)
            }
        case .replace(let collection):
            try Self.requireNoQuery(request)
            return try await write(request, transaction: transaction) { tx in
                try await CatalogWrites(tx: tx, schemas: schemas).replace(collection, id: path[1], request: request, context: context)
            }
        case .patch(let collection):
            try Self.requireNoQuery(request)
            return try await write(request, transaction: transaction) { tx in
                try await CatalogWrites(tx: tx, schemas: schemas).patch(collection, id: path[1], request: request, context: context, deepMerge: false)
            }
        case .delete(let collection):
            try Self.requireNoQuery(request)
            return try await write(request, transaction: transaction) { tx in
                try await CatalogWrites(tx: tx, schemas: schemas).delete(collection, id: path[1], request: request, tenant: tenant)
            }
        }
    }

    /// Runs a write in the caller's transaction, or in a new one; `Pragma: validate-only` rolls it back.
    private func write(
        _ request: CatalogRequest, transaction: CatalogTransaction?,
        _ body: @escaping @Sendable (CatalogTransaction) async throws -> CatalogResponse
    ) async throws -> CatalogResponse {
        if let transaction { return try await body(transaction) }
        do {
            return try await store.transaction { tx in
                let response = try await body(tx)
                if request.validateOnly { throw ValidateOnlyRollback(response: response) }
                return response
            }
        } catch let rollback as ValidateOnlyRollback {
            // Validation passed; nothing was kept. Answer 200 with what would have been written.
            return CatalogResponse(status: .ok, body: rollback.response.body)
        } catch let error as StoreError {
            throw Self.problem(for: error)
        }
    }

    static func problem(for error: StoreError) -> ProblemError {
        switch error {
        case .duplicateID(let id):
            .badRequest("An object with id '\(id)' already exists; ids are never reused.", code: "CATALOG-1409-400")
        case .versionConflict(let id, let expected):
            .preconditionFailed("Object '\(id)' was modified concurrently; version \(expected) is no longer current.")
        case .corruptDocument:
            ProblemError(.internalServerError, code: "CATALOG-1500-500", title: "Internal Server Error",
                         detail: "A stored object could not be read.")
        }
    }

    static func requireNoQuery(_ request: CatalogRequest, except allowed: Set<String> = []) throws {
        let unknown = request.query.map(\.name).filter { !allowed.contains($0) }
        guard unknown.isEmpty else {
            throw ProblemError.badRequest(
                "Unsupported query parameter(s) for this call: \(unknown.joined(separator: ", ")).",
                code: "CATALOG-1001-400")
        }
    }

    static func noSuchEndpoint(_ path: [String]) -> ProblemError {
        .notFound("There is no Catalog endpoint at /\(path.joined(separator: "/")).", code: "CATALOG-1404-404")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, _ path: [String]) -> ProblemError {
        ProblemError(
            .methodNotAllowed, code: "CATALOG-1405-405", title: "Method Not Allowed",
            detail: "\(method.rawValue) is not supported on /\(path.joined(separator: "/")).")
    }
}
