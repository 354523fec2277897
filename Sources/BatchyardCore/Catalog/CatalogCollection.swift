/// A Catalog collection (`dataSets`, `batches`, `dataSetFiles`) and what its list queries accept.
///
/// Collection names in paths are matched case-insensitively, as decisions.md settles.
public struct CatalogCollection: Sendable, Hashable, CustomStringConvertible {
    /// The name as AEP writes it in paths and `@/` links.
    public let pathName: String
    /// The SQL table that holds the collection.
    public let table: String
    /// What a list of this collection accepts in its query string.
    public let listSchema: CatalogQuerySchema
    /// What a lookup (`GET /{collection}/{id}`) accepts in its query string.
    public let lookupSchema: CatalogQuerySchema
    /// Whether the object body repeats its own `id` (newer batch responses do; datasets do not).
    public let bodyCarriesID: Bool

    public static func == (lhs: CatalogCollection, rhs: CatalogCollection) -> Bool { lhs.pathName == rhs.pathName }
    public func hash(into hasher: inout Hasher) { hasher.combine(pathName) }
    public var supportsTags: Bool { listSchema.supportsTags }

    public var description: String { pathName }

    public static let dataSets = CatalogCollection(
        pathName: "dataSets", table: "datasets",
        listSchema: CatalogQuerySchema(
            simpleFilters: identity([
                "version", "created", "updated", "createdClient", "createdUser", "updatedUser", "name",
                "description", "enableErrorDiagnostics", "state", "lastBatchId", "lastBatchStatus",
            ]),
            rangeFilters: CatalogQuerySchema.rangeFilters(), supportsTags: true,
            extraParameters: ["requestDataSource"], limitCaps: ["observableSchema": 20]),
        lookupSchema: .lookup(),
        bodyCarriesID: false)

    public static let batches = CatalogCollection(
        pathName: "batches", table: "batches",
        listSchema: CatalogQuerySchema(
            simpleFilters: identity([
                "created", "createdClient", "updated", "createdUser", "updatedUser", "version", "status",
                "recordCount", "failedRecordCount", "size", "started", "completed", "externalId",
            ]).merging(["batch": "id", "dataSet": "dataSetId"]) { first, _ in first },
            rangeFilters: CatalogQuerySchema.rangeFilters(availableDates: true), supportsTags: true),
        lookupSchema: .lookup(extraParameters: ["aggregate"]),
        bodyCarriesID: true)

    public static let dataSetFiles = CatalogCollection(
        pathName: "dataSetFiles", table: "dataset_files",
        listSchema: CatalogQuerySchema(
            simpleFilters: identity([
                "batchId", "dataSetId", "records", "size", "isValid", "created", "updated", "version",
                "createdClient", "createdUser", "updatedUser",
            ]),
            rangeFilters: CatalogQuerySchema.rangeFilters()),
        lookupSchema: .lookup(),
        bodyCarriesID: true)

    /// `GET /lastBatches`: a view of each dataset's last batch.
    public static let lastBatchesSchema = CatalogQuerySchema(
        simpleFilters: [
            "dataSetId": "id", "lastBatchId": "lastBatchId", "lastBatchStatus": "lastBatchStatus",
            "lastSuccessfulBatchId": "lastSuccessfulBatch", "lastFailedBatchId": "lastFailedBatch",
            "created": "created", "updated": "updated",
        ],
        wildcardFilters: [])

    private static func identity(_ names: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, $0) })
    }

    /// Every collection Batchyard serves.
    public static let all: [CatalogCollection] = [.dataSets, .batches, .dataSetFiles]

    /// The collection whose path name matches `name` case-insensitively.
    public static func named(_ name: String) -> CatalogCollection? {
        let lowered = name.lowercased()
        return all.first { $0.pathName.lowercased() == lowered }
    }

    /// The `@/collection/id` reference AEP answers writes with.
    public func reference(to id: String) -> String { "@/\(pathName)/\(id)" }
}
