import BatchyardCore
import BatchyardStore
import Foundation
import XDMValidation

/// The Schema Registry subset (`/data/foundation/schemaregistry`), independent of HTTP: tenant
/// schemas, field groups and data types in `SchemaRegistryStore`, the built-in XDM classes, field
/// groups and data types as the `global` container, and compiled validators for ingestion.
public struct SchemaRegistryService: Sendable {
    /// Where tenant resources live.
    public let store: SchemaRegistryStore
    let clock: @Sendable () -> Int64
    let cache = DatasetSchemaCache()

    /// A service over `store`; `clock` gives epoch milliseconds for `meta:registryMetadata`.
    public init(store: SchemaRegistryStore, clock: @escaping @Sendable () -> Int64) {
        self.store = store
        self.clock = clock
    }

    /// The tenant id of an org (see `RegistryTenantID`).
    public static func tenantID(org: String) -> String { RegistryTenantID.derive(org: org) }

    /// The compiled schema a dataset's `schemaRef.id` names: a tenant schema (by `$id` or
    /// `meta:altId`) or a built-in class. Cached per (tenant, schema `$id`, version), and recompiled
    /// when a field group or data type of the tenant changes.
    ///
    /// Throws `RegistryProblem` 404 (`XDM-1012-404`) when the tenant has no such schema, and 400
    /// when it no longer resolves (a referenced field group was deleted underneath it).
    public func validator(for schemaRefID: String, tenant: Tenant) async throws -> DatasetSchema {
        let document: JSONValue
        let key: DatasetSchemaCache.Key
        let stamp = try await store.dependencyStamp(tenant: tenant)
        if let resource = try await store.get(.schemas, tenant: tenant, id: schemaRefID) {
            key = .init(tenant: tenant, schemaID: resource.id, version: resource.version, dependencies: stamp)
            document = resource.document
        } else if let builtin = RegistryResourceChecker.builtinClass(schemaRefID) {
            let version = builtin.document["version"]?.stringValue ?? "1.0"
            key = .init(tenant: tenant, schemaID: builtin.id, version: version, dependencies: "builtin")
            document = builtin.document
        } else {
            throw RegistryProblem.notFound(schemaRefID)
        }
        if let cached = cache.get(key) { return cached }
        let checker = RegistryResourceChecker(
            tenantID: Self.tenantID(org: tenant.org), resources: try await store.all([.mixins, .datatypes], tenant: tenant))
        do {
            let compiled = try DatasetSchema(
                schemaID: key.schemaID, version: key.version, document: document, resolver: checker.resolver)
            cache.put(compiled, for: key)
            return compiled
        } catch {
            throw RegistryProblem.badRequest("Schema \(key.schemaID) cannot be compiled: \(error).")
        }
    }

    /// The compiled schema of a dataset document (its `schemaRef.id`), or `nil` for a dataset
    /// without `schemaRef`, which accepts any JSON object. Fits ingestion's validator provider:
    /// `{ dataset, tenant in try await registry.schema(forDataset: dataset, tenant: tenant)?.validator }`.
    public func schema(forDataset dataset: JSONValue, tenant: Tenant) async throws -> DatasetSchema? {
        guard let id = dataset["schemaRef"]?["id"]?.stringValue else { return nil }
        return try await validator(for: id, tenant: tenant)
    }

    /// One page of a container's collection, in the representation `accept` asks for.
    func list(
        _ collection: RegistryResource.Kind, container: RegistryContainer, tenant: Tenant, accept: String?,
        query: [(name: String, value: String)], baseURL: String
    ) async throws -> JSONValue {
        let representation: XDMAcceptHeader.Representation
        do {
            representation = try XDMAcceptHeader.listing(accept).representation
        } catch {
            throw RegistryProblem.accept(error)
        }
        let listing = try RegistryListing(query: query)
        let page: (resources: [RegistryResource], hasMore: Bool)
        switch container {
        case .global:
            page = listing.page(Self.builtins(collection))
        case .tenant:
            page = collection == .classes
                ? ([], false)
                : try await store.page(
                    collection, tenant: tenant, order: listing.order, start: listing.start, limit: listing.limit)
        }
        let results = page.resources.map { resource in
            representation == .summary ? XDMSchemaRendering.summary(of: resource.document) : resource.document
        }
        let path = "/data/foundation/schemaregistry/\(container.rawValue)/\(RegistryContainer.pathName(collection))"
        return listing.envelope(
            results, last: page.resources.last, hasMore: page.hasMore, base: baseURL + path,
            globalSchemas: collection == .schemas ? baseURL + "/data/foundation/schemaregistry/global/schemas" : nil)
    }

    /// One resource by `$id` or `meta:altId`, in the representation and version `accept` asks for.
    func lookup(
        _ collection: RegistryResource.Kind, container: RegistryContainer, id: String, tenant: Tenant, accept: String?
    ) async throws -> JSONValue {
        let parsed: XDMAcceptHeader
        do {
            parsed = try XDMAcceptHeader.lookup(accept)
        } catch {
            throw RegistryProblem.accept(error)
        }
        let resource: RegistryResource?
        switch container {
        case .global: resource = Self.builtins(collection).first { $0.id == id || $0.altID == id }
        case .tenant: resource = collection == .classes ? nil : try await store.get(collection, tenant: tenant, id: id)
        }
        guard let resource else { throw RegistryProblem.notFound(id, version: parsed.majorVersion) }
        guard parsed.isSatisfied(byResourceVersion: resource.version) else {
            throw RegistryProblem.notAcceptable(id, accept: accept ?? "", version: resource.version)
        }
        let resolver = container == .tenant
            ? try await checker(tenant: tenant).resolver : XDMSchemaResolver(lookup: { _ in nil })
        do {
            return try XDMSchemaRendering.render(resource.document, as: parsed.representation, resolver: resolver)
        } catch {
            throw RegistryProblem.badRequest("Resource \(id) cannot be expanded: \(error).")
        }
    }

    /// `GET /stats`: the tenant id, resource counts, recent resources and class usage.
    func stats(tenant: Tenant) async throws -> JSONValue {
        let resources = try await store.all([.schemas, .mixins, .datatypes], tenant: tenant)
        let counts = Dictionary(grouping: resources, by: \.kind).mapValues(\.count)
        func item(_ resource: RegistryResource) -> JSONValue {
            var summary = XDMSchemaRendering.summary(of: resource.document).objectValue ?? [:]
            summary["meta:resourceType"] = .string(resource.kind.rawValue)
            return .object(summary)
        }
        let created = resources.sorted { ($0.created, $0.id) > ($1.created, $1.id) }.prefix(5).map(item)
        let updated = resources.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }.prefix(5).map(item)
        let schemas = resources.filter { $0.kind == .schemas }
        let byClass = Dictionary(grouping: schemas) { $0.document["meta:class"]?.stringValue ?? "" }
        let usage: [JSONValue] = byClass.keys.sorted().map { classID in
            let users = byClass[classID] ?? []
            return [
                "$id": .string(classID),
                "title": .string(RegistryResourceChecker.builtinClass(classID)?.title ?? classID),
                "numberOfSchemas": .int(Int64(users.count)),
                "schemas": .array(users.map { schema in
                    [
                        "$id": .string(schema.id), "meta:altId": .string(schema.altID), "title": .string(schema.title),
                        "description": schema.document["description"] ?? .null,
                    ]
                }),
            ]
        }
        return [
            "imsOrg": .string(tenant.org),
            "tenantId": .string(Self.tenantID(org: tenant.org)),
            "counts": [
                "schemas": .int(Int64(counts[.schemas] ?? 0)), "mixins": .int(Int64(counts[.mixins] ?? 0)),
                "datatypes": .int(Int64(counts[.datatypes] ?? 0)), "classes": 0, "unions": 0,
            ],
            "recentlyCreatedResources": .array(Array(created)),
            "recentlyUpdatedResources": .array(Array(updated)),
            "classUsage": .array(usage),
        ]
    }

    /// A checker that sees every field group and data type of the tenant.
    func checker(tenant: Tenant) async throws -> RegistryResourceChecker {
        RegistryResourceChecker(
            tenantID: Self.tenantID(org: tenant.org), resources: try await store.all([.mixins, .datatypes], tenant: tenant))
    }

    /// The built-in resources of a collection, as registry resources (the `global` container).
    static func builtins(_ collection: RegistryResource.Kind) -> [RegistryResource] {
        let kind: BuiltinXDMResource.Kind?
        switch collection {
        case .classes: kind = .class
        case .mixins: kind = .fieldGroup
        case .datatypes: kind = .dataType
        case .schemas: kind = nil
        }
        guard let kind else { return [] }
        return BuiltinXDMRegistry.standard.resources(of: kind).map { builtin in
            RegistryResource(
                kind: collection, id: builtin.id, altID: builtin.altID, title: builtin.title,
                version: builtin.document["version"]?.stringValue ?? "1.0", created: 0, updated: 0,
                document: builtin.document)
        }
    }
}

extension SchemaRegistryService: SchemaReferenceChecker {
    func schemaExists(_ id: String, tenant: Tenant) async throws -> Bool {
        if RegistryResourceChecker.builtinClass(id) != nil { return true }
        return try await store.get(.schemas, tenant: tenant, id: id) != nil
    }
}
