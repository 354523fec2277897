import BatchyardCore
import HTTPTypes

/// One operation of the Catalog API, as `CatalogService` dispatches it.
///
/// The Catalog is one `**` route in the router (collection names match case-insensitively, and
/// multi-request `POST /` replays sub-requests), so the router cannot list its operations. This
/// table can: `resolve` is the dispatch itself, and `all` enumerates what it can resolve to, which
/// is how the OpenAPI document and its coverage test know every Catalog operation.
enum CatalogEndpoint: Hashable, Sendable {
    /// `GET /`: the collections.
    case listCollections
    /// `POST /`: multi-request.
    case multiRequest
    /// `GET /lastBatches`.
    case lastBatches
    /// `PATCH /v2/dataSets/{id}`: deep merge.
    case deepMergeDataSet
    /// `GET /batches/uniques/{field}`.
    case uniques
    case list(CatalogCollection)
    case create(CatalogCollection)
    /// `POST /batches/{id}`: a batch with a client-chosen id.
    case createWithID
    case lookup(CatalogCollection)
    case replace(CatalogCollection)
    case patch(CatalogCollection)
    case delete(CatalogCollection)

    /// Every operation, in document order.
    static var all: [CatalogEndpoint] {
        var endpoints: [CatalogEndpoint] = [.listCollections, .multiRequest, .lastBatches, .deepMergeDataSet, .uniques]
        for collection in CatalogCollection.all {
            endpoints += [.list(collection), .create(collection), .lookup(collection)]
            if collection == .batches { endpoints.append(.createWithID) }
            endpoints += [.replace(collection), .patch(collection), .delete(collection)]
        }
        return endpoints
    }

    var method: HTTPRequest.Method {
        switch self {
        case .listCollections, .lastBatches, .uniques, .list, .lookup: .get
        case .multiRequest, .create, .createWithID: .post
        case .deepMergeDataSet, .patch: .patch
        case .replace: .put
        case .delete: .delete
        }
    }

    /// The path below `/data/foundation/catalog`, with `{id}`/`{field}` placeholders ("" for the root).
    var template: String {
        switch self {
        case .listCollections, .multiRequest: ""
        case .lastBatches: "/lastBatches"
        case .deepMergeDataSet: "/v2/dataSets/{id}"
        case .uniques: "/batches/uniques/{field}"
        case .list(let collection), .create(let collection): "/\(collection.pathName)"
        case .createWithID: "/batches/{id}"
        case .lookup(let collection), .replace(let collection), .patch(let collection), .delete(let collection):
            "/\(collection.pathName)/{id}"
        }
    }

    /// The operation a method and path segments (below the prefix) name: 404 for a path no
    /// operation has, 405 for a known path that does not take the method.
    static func resolve(_ method: HTTPRequest.Method, _ path: [String]) throws -> CatalogEndpoint {
        if path.isEmpty {
            switch method {
            case .get: return .listCollections
            case .post: return .multiRequest
            default: throw CatalogService.methodNotAllowed(method, path)
            }
        }
        if path.count == 1, path[0].lowercased() == "lastbatches" {
            guard method == .get else { throw CatalogService.methodNotAllowed(method, path) }
            return .lastBatches
        }
        if path.count == 3, path[0].lowercased() == "v2" {
            guard CatalogCollection.named(path[1]) == .dataSets, method == .patch else {
                throw CatalogService.noSuchEndpoint(path)
            }
            return .deepMergeDataSet
        }
        guard (1...3).contains(path.count), let collection = CatalogCollection.named(path[0]) else {
            throw CatalogService.noSuchEndpoint(path)
        }
        if path.count == 3 {
            guard collection == .batches, path[1].lowercased() == "uniques", method == .get else {
                throw CatalogService.noSuchEndpoint(path)
            }
            return .uniques
        }
        if path.count == 1 {
            switch method {
            case .get: return .list(collection)
            case .post: return .create(collection)
            default: throw CatalogService.methodNotAllowed(method, path)
            }
        }
        switch method {
        case .get: return .lookup(collection)
        case .post where collection == .batches: return .createWithID
        case .put: return .replace(collection)
        case .patch: return .patch(collection)
        case .delete: return .delete(collection)
        default: throw CatalogService.methodNotAllowed(method, path)
        }
    }
}
