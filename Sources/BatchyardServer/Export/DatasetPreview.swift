import BatchyardCore
import BatchyardStore
import BlobStore
import NIOPosix
import Parquet

/// `GET /datasets/{id}/preview`: the first 100 rows of the dataset's published lake files, oldest
/// file first, read with our Parquet reader (footer first, then one row group at a time).
struct DatasetPreview: Sendable {
    static let rowLimit = 100

    let catalog: CatalogStore
    let blobs: any BlobStore

    func rows(tenant: Tenant, datasetID: String) async throws -> [JSONValue] {
        guard try await catalog.get(.dataSets, tenant: tenant, id: datasetID) != nil else {
            throw ProblemError.notFound("The dataset '\(datasetID)' was not found.", code: "EXPORT-1404-404")
        }
        var rows: [JSONValue] = []
        var start = 0
        while rows.count < Self.rowLimit {
            var query = try CatalogQuery(
                parsing: [("dataSetId", datasetID), ("orderBy", "created,id")],
                schema: CatalogCollection.dataSetFiles.listSchema)
            query.limit = CatalogQuery.maximumLimit
            query.start = start
            let files = try await catalog.list(.dataSetFiles, tenant: tenant, query: query)
            for file in files where rows.count < Self.rowLimit {
                guard let batchID = file.document["batchId"]?.stringValue else { continue }
                let name = file.document["name"]?.stringValue ?? BlobKey.partName(DataAccessController.partNumber(file.id))
                let key = BlobKey.lake(org: tenant.org, sandbox: tenant.sandbox, datasetID: datasetID, batchID: batchID, name: name)
                let wanted = Self.rowLimit - rows.count
                rows += try await LocalBlobCopy.withFile(blobs, key: key) { path in try await Self.read(path: path, count: wanted) }
            }
            if files.count < query.limit { break }
            start += files.count
        }
        return rows
    }

    /// Up to `count` rows of one file, on the thread pool (the reader blocks on file I/O).
    static func read(path: String, count: Int) async throws -> [JSONValue] {
        try await NIOThreadPool.singleton.runIfActive {
            guard (try? FileSource(path: path)) != nil else { return [] }
            do {
                let reader = try ParquetFileReader(path: path)
                var iterator = reader.makeRowIterator()
                var out: [JSONValue] = []
                while out.count < count, let row = try iterator.next() { out.append(row.jsonValue(fields: reader.schema.fields)) }
                return out
            } catch {
                throw ProblemError(
                    .internalServerError, code: "EXPORT-1500-500", title: "Internal Server Error",
                    detail: "A lake file of the dataset cannot be read: \(error).")
            }
        }
    }
}
