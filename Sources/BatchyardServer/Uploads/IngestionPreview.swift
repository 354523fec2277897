import BatchyardCore
import BatchyardStore
import BlobStore
import Ingestion
import NIOCore
import NIOPosix
import Parquet

/// `GET /batches/{batchId}/datasets/{datasetId}/preview`: the first rows of the files uploaded so
/// far, parsed with the batch's format (or the one the query names), before the batch completes.
///
/// Answer: `{"formatParams": {…}, "preview": {"columns": [{"cid", "name"}], "rows": [{cid: value}]}}`
/// with nested fields flattened to `a/b` column names, as AEP's example shows. Files stream
/// through the ingestion readers and reading stops at `nrow` rows.
struct IngestionPreview: Sendable {
    static let defaultRows = 100
    static let maxRows = 1000

    let catalog: CatalogStore
    let uploads: UploadStore
    let blobs: any BlobStore

    func preview(tenant: Tenant, batchID: String, datasetID: String, query: [(name: String, value: String)]) async throws -> JSONValue {
        var overrides: [String: JSONValue] = [:]
        var rowLimit = Self.defaultRows
        for item in query {
            if item.name == "nrow" {
                guard let value = Int(item.value), value >= 0 else {
                    throw ProblemError.badRequest("'nrow' must be a non-negative integer.", code: "INGEST-1001-400")
                }
                rowLimit = value == 0 ? Self.defaultRows : min(value, Self.maxRows)
            } else if InputFormat.previewQueryNames.contains(item.name) {
                overrides[item.name] = .string(item.value)
            } else {
                throw ProblemError.badRequest("Unknown query parameter '\(item.name)'.", code: "INGEST-1001-400")
            }
        }
        guard let batch = try await catalog.get(.batches, tenant: tenant, id: batchID) else {
            throw UploadErrors.batchNotFound(batchID)
        }
        let owner = batch.document["relatedObjects"]?.arrayValue?
            .first { $0["type"]?.stringValue == "dataSet" }?["id"]?.stringValue
        guard owner == datasetID else {
            throw ProblemError.notFound(
                "The batch or dataset resource is not found: batch '\(batchID)' belongs to dataset '\(owner ?? "none")'.",
                code: "INGEST-1404-404")
        }
        let dataset = try await catalog.get(.dataSets, tenant: tenant, id: datasetID)
        var merged = batch.document["inputFormat"]?.objectValue ?? [:]
        merged.merge(overrides) { _, new in new }
        let format: InputFormat
        do {
            format = try InputFormat(inputFormat: .object(merged), fileDescription: dataset?.document["fileDescription"])
        } catch {
            throw ProblemError.badRequest(error.message, code: "INGEST-1104-400")
        }

        var table = PreviewTable()
        for file in try await uploads.files(ofBatch: batchID, tenant: tenant) where table.rows.count < rowLimit {
            let key = BlobKey.upload(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, path: file.path)
            if format.format == .parquet {
                try await readParquet(key: key, into: &table, limit: rowLimit)
            } else {
                try await readText(key: key, name: file.path, format: format, into: &table, limit: rowLimit)
            }
        }
        return [
            "formatParams": format.previewFormatParams,
            "preview": ["columns": .array(table.columnsJSON), "rows": .array(table.rows.map { .object($0) })],
        ]
    }

    private func readText(key: String, name: String, format: InputFormat, into table: inout PreviewTable, limit: Int) async throws {
        var reader: FileRecordReader
        do {
            reader = try format.makeReader(fileName: name)
        } catch {
            throw ProblemError.badRequest(error.message, code: "INGEST-1104-400")
        }
        var records: [JSONValue] = []
        let collect: (ReadItem) -> Void = { item in
            if case .record(let record) = item { records.append(record.value) }
        }
        do {
            for try await buffer in blobs.get(key: key) {
                try buffer.withUnsafeReadableBytes { bytes in try reader.read(bytes, emit: collect) }
                for record in records where table.rows.count < limit { table.add(record) }
                records.removeAll()
                if table.rows.count >= limit { return }
            }
            try reader.finish(emit: collect)
        } catch let error as IngestionFileError {
            throw ProblemError.badRequest("The file '\(name)' cannot be previewed: \(error.message)", code: "INGEST-1401-400")
        }
        for record in records where table.rows.count < limit { table.add(record) }
    }

    private func readParquet(key: String, into table: inout PreviewTable, limit: Int) async throws {
        let wanted = limit - table.rows.count
        let rows = try await LocalBlobCopy.withFile(blobs, key: key) { path in try await NIOThreadPool.singleton.runIfActive { () throws -> [JSONValue] in
            do {
                let reader = try ParquetFileReader(path: path)
                var iterator = reader.makeRowIterator()
                var out: [JSONValue] = []
                while out.count < wanted, let row = try iterator.next() { out.append(row.jsonValue(fields: reader.schema.fields)) }
                return out
            } catch {
                throw ProblemError.badRequest("A Parquet file cannot be previewed: \(error).", code: "INGEST-1401-400")
            }
        } }
        for row in rows { table.add(row) }
    }
}

/// The columns seen so far (flattened `a/b` names in order of first appearance) and the rows.
struct PreviewTable {
    private(set) var columns: [String] = []
    private var columnIDs: [String: Int] = [:]
    private(set) var rows: [[String: JSONValue]] = []

    var columnsJSON: [JSONValue] {
        columns.enumerated().map { ["cid": .int(Int64($0.offset)), "name": .string($0.element)] }
    }

    mutating func add(_ record: JSONValue) {
        var row: [String: JSONValue] = [:]
        flatten(record, prefix: nil, into: &row)
        rows.append(row)
    }

    private mutating func flatten(_ value: JSONValue, prefix: String?, into row: inout [String: JSONValue]) {
        if case .object(let members) = value, !(members.isEmpty && prefix != nil) {
            for key in members.keys.sorted() {
                flatten(members[key]!, prefix: prefix.map { $0 + "/" + key } ?? key, into: &row)
            }
            return
        }
        let name = prefix ?? "value"
        let id: Int
        if let known = columnIDs[name] {
            id = known
        } else {
            id = columns.count
            columns.append(name)
            columnIDs[name] = id
        }
        row[String(id)] = value
    }
}
