import BatchyardCore
import BatchyardStore
import XDMValidation

/// The writes of the tenant container: create, replace, JSON Patch and delete of schemas, field
/// groups and data types. Each runs in one transaction that also reads the resources it checks
/// against, so a concurrent delete cannot slip between the check and the write.
extension SchemaRegistryService {
    /// `POST /tenant/{collection}` → the stored resource (201).
    func create(_ kind: RegistryResource.Kind, body: JSONValue?, context: RegistryDocumentRules.WriteContext)
        async throws -> JSONValue
    {
        try Self.requireWritable(kind)
        guard let body else { throw RegistryProblem.badRequest("This call needs a JSON object body.") }
        let candidate = try RegistryDocumentRules.newResource(kind, body: body, context: context)
        let stored = try await write(context.tenant) { tx in
            let others = try await tx.all([.mixins, .datatypes], tenant: context.tenant)
            let checked = try RegistryResourceChecker(tenantID: context.tenantID, resources: others + [candidate])
                .check(candidate)
            try await tx.insert(checked, tenant: context.tenant)
            return checked
        }
        return stored.document
    }

    /// `PUT /tenant/{collection}/{id}` → the new version (200).
    func replace(
        _ kind: RegistryResource.Kind, id: String, body: JSONValue?, context: RegistryDocumentRules.WriteContext
    ) async throws -> JSONValue {
        try Self.requireWritable(kind)
        guard let body else { throw RegistryProblem.badRequest("This call needs a JSON object body.") }
        return try await update(kind, id: id, context: context) { _ in body }
    }

    /// `PATCH /tenant/{collection}/{id}` with an RFC 6902 JSON Patch array → the new version (200).
    func patch(
        _ kind: RegistryResource.Kind, id: String, body: JSONValue?, context: RegistryDocumentRules.WriteContext
    ) async throws -> JSONValue {
        try Self.requireWritable(kind)
        guard let body, body.arrayValue != nil else {
            throw RegistryProblem.badRequest("PATCH takes a JSON Patch (RFC 6902) array of operations.")
        }
        let patch: JSONPatch
        do {
            patch = try JSONPatch(json: body)
        } catch {
            throw RegistryProblem.badRequest("The JSON Patch is not valid: \(error).")
        }
        return try await update(kind, id: id, context: context) { existing in
            do {
                return try patch.applied(to: existing.document)
            } catch {
                throw RegistryProblem.badRequest("The JSON Patch could not be applied: \(error).")
            }
        }
    }

    /// `DELETE /tenant/{collection}/{id}` (204). A field group or data type that other resources
    /// still use cannot be deleted: their schemas would stop resolving.
    func delete(_ kind: RegistryResource.Kind, id: String, tenant: Tenant) async throws {
        try Self.requireWritable(kind)
        try await write(tenant) { tx in
            guard let existing = try await tx.get(kind, tenant: tenant, id: id) else {
                throw RegistryProblem.notFound(id)
            }
            if kind == .schemas {
                let datasets = try await tx.datasetSchemaReferences(tenant: tenant)
                if datasets.contains(existing.id) || datasets.contains(existing.altID) {
                    throw RegistryProblem.badRequest(
                        "Schema \(existing.id) is the schemaRef of datasets in this sandbox; delete those datasets first.")
                }
            }
            let users = try await tx.all([.schemas, .mixins, .datatypes], tenant: tenant)
                .filter { $0.id != existing.id && Self.references($0.document, existing) }
            if let user = users.first {
                throw RegistryProblem.badRequest(
                    "\(existing.id) is still used by \(RegistryDocumentRules.noun(user.kind)) \(user.id); "
                        + "remove it from there first.")
            }
            try await tx.delete(tenant: tenant, id: existing.id)
        }
    }

    /// Replaces a resource with `change(existing)`, one minor version up, after checking it and
    /// every resource that uses it against the new content.
    private func update(
        _ kind: RegistryResource.Kind, id: String, context: RegistryDocumentRules.WriteContext,
        _ change: @escaping @Sendable (RegistryResource) throws -> JSONValue
    ) async throws -> JSONValue {
        let stored = try await write(context.tenant) { tx in
            guard let existing = try await tx.get(kind, tenant: context.tenant, id: id) else {
                throw RegistryProblem.notFound(id)
            }
            let candidate = try RegistryDocumentRules.replacement(existing, body: change(existing), context: context)
            let original = try await tx.all([.schemas, .mixins, .datatypes], tenant: context.tenant)
            let everything = original.map { $0.id == existing.id ? candidate : $0 }
            let checker = RegistryResourceChecker(
                tenantID: context.tenantID, resources: everything.filter { $0.kind != .schemas })
            let checked = try checker.check(candidate)
            for user in everything where user.id != existing.id && Self.references(user.document, existing) {
                do {
                    _ = try checker.check(user)
                } catch {
                    throw RegistryProblem.badRequest(
                        "This change would break \(RegistryDocumentRules.noun(user.kind)) \(user.id): \((error as? RegistryProblem)?.detail ?? "\(error)")")
                }
            }
            try await Self.requireAdditive(
                original: original, updated: everything.map { $0.id == checked.id ? checked : $0 },
                datasets: try await tx.datasetSchemaReferences(tenant: context.tenant), tenantID: context.tenantID)
            try await tx.replace(checked, tenant: context.tenant, expectedVersion: existing.version)
            return checked
        }
        return stored.document
    }

    /// Every schema that datasets use must change only additively (`RegistrySchemaEvolution`).
    private static func requireAdditive(
        original: [RegistryResource], updated: [RegistryResource], datasets: Set<String>, tenantID: String
    ) throws {
        let inUse = updated.filter { $0.kind == .schemas && (datasets.contains($0.id) || datasets.contains($0.altID)) }
        guard !inUse.isEmpty else { return }
        let before = RegistryResourceChecker(tenantID: tenantID, resources: original.filter { $0.kind != .schemas })
        let after = RegistryResourceChecker(tenantID: tenantID, resources: updated.filter { $0.kind != .schemas })
        for schema in inUse {
            guard let old = original.first(where: { $0.id == schema.id }),
                let oldType = try? before.resolver.compile(old.document),
                let newType = try? after.resolver.compile(schema.document)
            else { continue }
            if let problem = RegistrySchemaEvolution.firstBreak(old: oldType, new: newType) {
                throw RegistryProblem.badRequest(
                    "Schema \(schema.id) is used by datasets, so it may only gain fields, but this change means \(problem).")
            }
        }
    }

    /// Runs a registry write in a transaction and drops the tenant's compiled schemas afterwards.
    @discardableResult
    private func write<T: Sendable>(
        _ tenant: Tenant, _ body: @escaping @Sendable (SchemaRegistryTransaction) async throws -> T
    ) async throws -> T {
        do {
            let result = try await store.transaction(body)
            cache.removeAll(tenant: tenant)
            return result
        } catch let error as StoreError {
            switch error {
            case .duplicateID(let id):
                throw RegistryProblem.badRequest("A resource with id \(id) already exists.")
            case .versionConflict(let id, _):
                throw RegistryProblem.badRequest("\(id) was modified concurrently; read it again and retry.")
            case .corruptDocument(let id, _):
                throw RegistryProblem(
                    .internalServerError, code: "XDM-1500-500", title: "Internal Server Error",
                    detail: "Stored resource \(id) could not be read.")
            }
        }
    }

    /// Whether `document` has a `$ref` to `target` (by `$id` or `meta:altId`, with or without a fragment).
    static func references(_ document: JSONValue, _ target: RegistryResource) -> Bool {
        switch document {
        case .object(let members):
            if let reference = members["$ref"]?.stringValue {
                let base = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                    .map(String.init) ?? reference
                if base == target.id || base == target.altID { return true }
            }
            return members.values.contains { references($0, target) }
        case .array(let items):
            return items.contains { references($0, target) }
        default:
            return false
        }
    }

    private static func requireWritable(_ kind: RegistryResource.Kind) throws {
        guard kind != .classes else {
            throw RegistryProblem.badRequest(
                "Batchyard does not support tenant classes; build schemas on the global classes "
                    + "(https://ns.adobe.com/xdm/context/profile, https://ns.adobe.com/xdm/context/experienceevent).")
        }
    }
}
