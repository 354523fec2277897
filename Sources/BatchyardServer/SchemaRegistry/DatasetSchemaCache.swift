import BatchyardCore
import Synchronization

/// Compiled dataset schemas by (tenant, schema `$id`, version), so ingestion compiles a schema
/// once rather than per batch. A changed field group or data type changes the schemas using it
/// without changing their version, so the key also carries the tenant's dependency stamp (which
/// keeps separate service instances correct), and this instance's writes drop the tenant's entries.
final class DatasetSchemaCache: Sendable {
    struct Key: Hashable {
        var tenant: Tenant
        var schemaID: String
        var version: String
        var dependencies: String
    }

    private let entries = Mutex<[Key: DatasetSchema]>([:])

    func get(_ key: Key) -> DatasetSchema? {
        entries.withLock { $0[key] }
    }

    func put(_ schema: DatasetSchema, for key: Key) {
        entries.withLock { $0[key] = schema }
    }

    func removeAll(tenant: Tenant) {
        entries.withLock { entries in entries = entries.filter { $0.key.tenant != tenant } }
    }
}
