import SQLKit
import BatchyardCore

/// The fields of a Catalog document copied into indexed SQL columns.
///
/// Filters and sort keys on these properties run on the columns; any other top-level property is
/// read from the JSON document by the dialect's JSON operator.
struct IndexedColumns {
    var created: Int64
    var updated: Int64
    var version: String
    var versionKey: Int64
    var name: String?
    var status: String?
    var externalID: String?
    var datasetID: String?
    var batchID: String?
    var createdClient: String?
    var createdUser: String?
    var updatedUser: String?

    /// Property name (as clients write it) → column holding it.
    static let columnForProperty: [String: String] = [
        "id": "id", "created": "created", "updated": "updated", "version": "version_key",
        "name": "name", "status": "status", "externalId": "external_id", "dataSetId": "dataset_id",
        "batchId": "batch_id", "createdClient": "created_client", "createdUser": "created_user",
        "updatedUser": "updated_user",
    ]

    init(collection: CatalogCollection, document: JSONValue) {
        created = document["created"]?.int64Value ?? 0
        updated = document["updated"]?.int64Value ?? created
        version = document["version"]?.stringValue ?? ObjectVersion.initial.description
        versionKey = ObjectVersion(version)?.sortKey ?? 0
        name = document["name"]?.stringValue
        status = document["status"]?.stringValue
        externalID = document["externalId"]?.stringValue
        createdClient = document["createdClient"]?.stringValue
        createdUser = document["createdUser"]?.stringValue
        updatedUser = document["updatedUser"]?.stringValue
        if collection == .batches {
            datasetID = document["relatedObjects"]?.arrayValue?
                .first { $0["type"]?.stringValue == "dataSet" }?["id"]?.stringValue
            batchID = nil
        } else {
            datasetID = document["dataSetId"]?.stringValue
            batchID = document["batchId"]?.stringValue
        }
    }

    /// The columns of a Catalog table, in the order `values` binds them.
    static let columnList = "org, sandbox, id, created, updated, version, version_key, name, status, external_id, "
        + "dataset_id, batch_id, created_client, created_user, updated_user, doc"

    /// One row's values for `columnList` (without parentheses), the document included.
    func values(tenant: Tenant, id: String, document: JSONValue, syntax: SQLDialectSyntax) -> SQLQueryString {
        """
        \(bind: tenant.org), \(bind: tenant.sandbox), \(bind: id), \(bind: created), \(bind: updated), \
        \(bind: version), \(bind: versionKey), \(bind: name), \(bind: status), \(bind: externalID), \
        \(bind: datasetID), \(bind: batchID), \(bind: createdClient), \(bind: createdUser), \(bind: updatedUser), \
        \(syntax.jsonDocument(document.serialized()))
        """
    }
}
