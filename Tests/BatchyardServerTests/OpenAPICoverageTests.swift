import BatchyardCore
import BatchyardStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import BatchyardServer

/// Keeps `/openapi.json` true: every route the router knows (and every operation the Catalog's and
/// the Schema Registry's own dispatch serve) is documented, and every documented operation is served.
@Suite("OpenAPI document ↔ router coverage")
struct OpenAPICoverageTests {
    static let catalogPrefix = CatalogController.prefix
    static let registryPrefix = SchemaRegistryController.prefix

    /// Routes that exist only to answer a clear 400 for a path missing its file name.
    static let undocumented: Set<String> = [
        "PUT /data/foundation/import/batches/{batchId}/datasets/{datasetId}/files",
        "PATCH /data/foundation/import/batches/{batchId}/datasets/{datasetId}/files",
        "POST /data/foundation/import/batches/{batchId}/datasets/{datasetId}/files",
        "HEAD /data/foundation/import/batches/{batchId}/datasets/{datasetId}/files",
    ]

    /// The router's routes, as `METHOD /path/{param}` (a trailing `**` becomes `{filePath}`).
    static func routerRoutes(_ authMode: AuthMode) async throws -> [(method: HTTPRequest.Method, path: String)] {
        var server = TestServer(authMode: authMode)
        server.configuration.authMode = authMode
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let database = try await SQLiteMetadataDatabase.open(
            path: server.configuration.databasePath, readConnections: 1, logger: logger)
        let router = try BatchyardApplication.makeRouter(configuration: server.configuration, database: database, logger: logger)
        try await database.close()
        return router.routes.map { route in
            let segments = route.path.components.map { element -> String in
                let text = element.description
                if text.hasPrefix(":") { return "{\(text.dropFirst())}" }
                return text == "**" ? "{filePath}" : text
            }
            return (route.method, "/" + segments.joined(separator: "/"))
        }
    }

    static func documented(_ authMode: AuthMode) -> [(method: HTTPRequest.Method, path: String)] {
        let paths = OpenAPIDocument.make(authMode: authMode)["paths"]?.objectValue ?? [:]
        return paths.flatMap { path, item in
            (item.objectValue ?? [:]).keys.map { (HTTPRequest.Method($0.uppercased())!, path) }
        }
    }

    static func isDispatched(_ path: String, by prefix: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }

    @Test("Every router route is documented, and every documented operation is routed", arguments: [AuthMode.dev, .strict])
    func routerMatchesDocument(authMode: AuthMode) async throws {
        let routes = try await Self.routerRoutes(authMode)
        let documented = Self.documented(authMode)
        let documentedKeys = Set(documented.map { "\($0.method) \($0.path)" })

        var routedKeys = Set<String>()
        for route in routes {
            let key = "\(route.method) \(route.path)"
            if Self.isDispatched(route.path, by: Self.catalogPrefix) || Self.isDispatched(route.path, by: Self.registryPrefix) {
                // The one `**` route: its operations are the dispatcher's; this method must have some.
                let prefix = Self.isDispatched(route.path, by: Self.catalogPrefix) ? Self.catalogPrefix : Self.registryPrefix
                let hasOperations = documented.contains { $0.method == route.method && Self.isDispatched($0.path, by: prefix) }
                #expect(hasOperations, "\(key) is routed, but no \(route.method) operation below \(prefix) is documented")
                continue
            }
            routedKeys.insert(key)
            guard !Self.undocumented.contains(key) else { continue }
            #expect(documentedKeys.contains(key), "routed but not in /openapi.json: \(key)")
        }
        for operation in documented
        where !Self.isDispatched(operation.path, by: Self.catalogPrefix) && !Self.isDispatched(operation.path, by: Self.registryPrefix) {
            let key = "\(operation.method) \(operation.path)"
            #expect(routedKeys.contains(key), "in /openapi.json but not routed: \(key)")
        }
        // The dispatchers must be routed for every method their documented operations use.
        for operation in documented {
            for prefix in [Self.catalogPrefix, Self.registryPrefix] where Self.isDispatched(operation.path, by: prefix) {
                let routed = routes.contains { $0.method == operation.method && Self.isDispatched($0.path, by: prefix) }
                #expect(routed, "\(operation.method) \(operation.path) is documented but the router sends no \(operation.method) to \(prefix)")
            }
        }
    }

    @Test("The Catalog's documented operations are exactly what its dispatch resolves to")
    func catalogDispatch() throws {
        let documented = Set(Self.documented(.dev).filter { Self.isDispatched($0.path, by: Self.catalogPrefix) }
            .map { "\($0.method) \($0.path)" })
        let table = Set(CatalogEndpoint.all.map { "\($0.method) \(Self.catalogPrefix)\($0.template)" })
        #expect(documented == table, "documented − dispatch: \(documented.subtracting(table)); dispatch − documented: \(table.subtracting(documented))")
        // Each operation is what dispatch reaches for its own path.
        for endpoint in CatalogEndpoint.all {
            let segments = endpoint.template.split(separator: "/").map { $0.hasPrefix("{") ? "sample-id" : String($0) }
            #expect(try CatalogEndpoint.resolve(endpoint.method, segments) == endpoint, "\(endpoint)")
        }
        // Whatever dispatch can resolve to, over many paths and methods, is in the table.
        let vocabulary = ["dataSets", "DATASETS", "batches", "dataSetFiles", "lastBatches", "v2", "uniques", "x", "status"]
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .head, .options]
        var paths: [[String]] = [[]]
        for length in 1...3 {
            paths += Self.combinations(vocabulary, length: length)
        }
        let all = Set(CatalogEndpoint.all)
        for method in methods {
            for path in paths {
                guard let endpoint = try? CatalogEndpoint.resolve(method, path) else { continue }
                #expect(all.contains(endpoint), "\(method) /\(path.joined(separator: "/")) resolves to \(endpoint), missing from the table")
            }
        }
    }

    @Test("Every documented Schema Registry operation reaches a registry handler")
    func registryDispatch() async throws {
        let operations = Self.documented(.dev).filter { Self.isDispatched($0.path, by: Self.registryPrefix) }
        #expect(operations.count >= 7)
        try await TestServer().run { api in
            for operation in operations {
                let path = operation.path
                    .replacingOccurrences(of: "{container}", with: "tenant")
                    .replacingOccurrences(of: "{collection}", with: "schemas")
                    .replacingOccurrences(of: "{id}", with: "no-such-resource")
                var body: JSONValue?
                if operation.method == .post || operation.method == .put { body = ["title": "x"] }
                if operation.method == .patch { body = .array([]) }
                let response = try await api.send(operation.method, path, json: body)
                #expect(!response.text.contains("XDM-1404-404") && !response.text.contains("XDM-1405-405"),
                        "\(operation.method) \(path): \(response.status) \(response.text)")
            }
        }
    }

    static func combinations(_ vocabulary: [String], length: Int) -> [[String]] {
        guard length > 0 else { return [[]] }
        return combinations(vocabulary, length: length - 1).flatMap { prefix in vocabulary.map { prefix + [$0] } }
    }
}
