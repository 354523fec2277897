import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation
import Hummingbird

/// The Data Access API (`/data/foundation/export`, contract §4): a batch's published files, their
/// bytes (ranged, streamed), a failed batch's input files, diagnostics under `meta`, and the
/// dataset preview.
struct DataAccessController: Sendable {
    static let prefix = "/data/foundation/export"
    let catalog: CatalogStore
    let uploads: UploadStore
    let blobs: any BlobStore
    let preview: DatasetPreview

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        router.get(RouterPath(Self.prefix + "/batches/:batchId/files")) { request, context in
            try await batchFiles(request, context)
        }
        router.get(RouterPath(Self.prefix + "/batches/:batchId/failed")) { request, context in
            try await failedFiles(request, context)
        }
        router.get(RouterPath(Self.prefix + "/batches/:batchId/meta")) { request, context in
            try await meta(request, context)
        }
        router.get(RouterPath(Self.prefix + "/files/:fileId")) { request, context in
            try await file(request, context)
        }
        router.head(RouterPath(Self.prefix + "/files/:fileId")) { request, context in
            try await file(request, context)
        }
        router.get(RouterPath(Self.prefix + "/datasets/:datasetId/preview")) { request, context in
            guard RequestBody.queryItems(request).isEmpty else {
                throw ProblemError.badRequest("The dataset preview takes no query parameters.", code: "EXPORT-1001-400")
            }
            let rows = try await preview.rows(
                tenant: try context.requireTenant(), datasetID: try context.parameters.require("datasetId"))
            return JSONResponse.make(.ok, ["data": .array(rows)])
        }
    }

    // MARK: Batch files

    /// `GET /batches/{batchId}/files`: the batch's `dataSetFiles`, paged.
    private func batchFiles(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let batchID = try context.parameters.require("batchId")
        let (page, _) = try DataAccessPage.parse(RequestBody.queryItems(request))
        _ = try await requireBatch(batchID, tenant: tenant)
        var query = try CatalogQuery(
            parsing: [("batchId", batchID), ("orderBy", "created,id")], schema: CatalogCollection.dataSetFiles.listSchema)
        query.limit = page.limit
        query.start = page.start
        let total = try await catalog.count(.dataSetFiles, tenant: tenant, query: query)
        let files = try await catalog.list(.dataSetFiles, tenant: tenant, query: query)
        let base = request.baseURL
        let items: [JSONValue] = files.map { file in
            var item: [String: JSONValue] = [
                "dataSetFileId": .string(file.id),
                "version": file.document["version"] ?? "1.0.0",
                "created": Self.text(file.document["created"]),
                "updated": Self.text(file.document["updated"]),
                "isValid": file.document["isValid"] ?? true,
                "_links": ["self": ["href": .string("\(base)\(Self.prefix)/files/\(file.id)")]],
            ]
            if let records = file.document["records"] { item["records"] = Self.text(records) }
            if let size = file.document["size"] { item["size"] = Self.text(size) }
            if let dataset = file.document["dataSetId"] { item["dataSetId"] = dataset }
            return .object(item)
        }
        return JSONResponse.make(.ok, page.envelope(items, total: total, base: "\(base)\(Self.prefix)/batches/\(batchID)/files"))
    }

    // MARK: Files

    /// `GET|HEAD /files/{dataSetFileId}`: a listing of the file's name and length, or with
    /// `?path=` its bytes.
    private func file(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let fileID = try context.parameters.require("fileId")
        let (page, others) = try DataAccessPage.parse(RequestBody.queryItems(request), extra: ["path"])
        let notFound = ProblemError.notFound("The requested file was not found: '\(fileID)'.", code: "EXPORT-1404-404")
        guard let file = try await catalog.get(.dataSetFiles, tenant: tenant, id: fileID),
            let batchID = file.document["batchId"]?.stringValue,
            let datasetID = file.document["dataSetId"]?.stringValue
        else { throw notFound }
        let name = file.document["name"]?.stringValue ?? BlobKey.partName(Self.partNumber(fileID))
        let key = BlobKey.lake(org: tenant.org, sandbox: tenant.sandbox, datasetID: datasetID, batchID: batchID, name: name)
        if let path = others["path"] {
            guard path == name else { throw notFound }
            return try await BlobDownload.response(
                request, blobs: blobs, key: key, name: name, notFound: notFound, requestID: context.requestID)
        }
        if request.method == .head {
            throw ProblemError.badRequest("HEAD on a file needs ?path={name}.", code: "EXPORT-1001-400")
        }
        guard let size = try await blobs.size(key: key) else { throw notFound }
        let base = request.baseURL
        let entry: JSONValue = [
            "name": .string(name),
            "length": .string(String(size)),
            "_links": ["self": ["href": .string("\(base)\(Self.prefix)/files/\(fileID)?path=\(Self.encode(name))")]],
        ]
        return JSONResponse.make(.ok, page.envelope(page.slice([entry]), total: 1, base: "\(base)\(Self.prefix)/files/\(fileID)"))
    }

    // MARK: Failed batches

    /// `GET /batches/{batchId}/failed`: the input files of a failed batch (none for other
    /// batches), or with `?path=` one file's bytes.
    private func failedFiles(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let batchID = try context.parameters.require("batchId")
        let (page, others) = try DataAccessPage.parse(RequestBody.queryItems(request), extra: ["path"])
        let batch = try await requireBatch(batchID, tenant: tenant)
        let status = batch.document["status"]?.stringValue ?? ""
        let failed = ["failed", "failure"].contains(status)
        let files = failed ? try await uploads.files(ofBatch: batchID, tenant: tenant) : []
        let base = "\(request.baseURL)\(Self.prefix)/batches/\(batchID)/failed"
        if let path = others["path"] {
            let notFound = ProblemError.notFound("The requested file was not found: '\(path)'.", code: "EXPORT-1404-404")
            guard files.contains(where: { $0.path == path }) else { throw notFound }
            let key = BlobKey.upload(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, path: path)
            return try await BlobDownload.response(
                request, blobs: blobs, key: key, name: path, notFound: notFound, requestID: context.requestID)
        }
        let items: [JSONValue] = page.slice(files).map { file in
            [
                "name": .string(file.path),
                "length": .string(String(file.size)),
                "_links": ["self": ["href": .string("\(base)?path=\(Self.encode(file.path))")]],
            ]
        }
        return JSONResponse.make(.ok, page.envelope(items, total: files.count, base: base))
    }

    // MARK: Diagnostics

    /// `GET /batches/{batchId}/meta?path=…`: lists a folder of the batch's diagnostics
    /// (`row_errors`, `input_files`; the top level without `path`) or returns a file's content.
    private func meta(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let batchID = try context.parameters.require("batchId")
        let (page, others) = try DataAccessPage.parse(RequestBody.queryItems(request), extra: ["path"])
        _ = try await requireBatch(batchID, tenant: tenant)
        let root = BlobKey.metaPrefix(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID)
        let notFound = ProblemError.notFound("The path is not found.", code: "EXPORT-1404-404")
        var folder = ""
        if let given = others["path"], !given.isEmpty {
            var trimmed = Substring(given)
            while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
            let path = try UploadPath(decoded: String(trimmed)).value
            if try await blobs.size(key: root + path) != nil {
                return try await BlobDownload.response(
                    request, blobs: blobs, key: root + path, name: path, notFound: notFound, requestID: context.requestID)
            }
            folder = path + "/"
        }
        let blobsBelow = try await blobs.list(prefix: root + folder)
        guard !blobsBelow.isEmpty || folder.isEmpty else { throw notFound }
        // Immediate children: files with their length, sub-folders once each.
        var entries: [(name: String, length: Int64?)] = []
        var seenFolders = Set<String>()
        for blob in blobsBelow {
            let rest = blob.key.dropFirst(root.count + folder.count)
            if let slash = rest.firstIndex(of: "/") {
                let child = String(rest[..<slash])
                if seenFolders.insert(child).inserted { entries.append((child, nil)) }
            } else {
                entries.append((String(rest), blob.size))
            }
        }
        let base = "\(request.baseURL)\(Self.prefix)/batches/\(batchID)/meta"
        let items: [JSONValue] = page.slice(entries).map { entry in
            var item: [String: JSONValue] = [
                "name": .string(entry.name),
                "_links": ["self": ["href": .string("\(base)?path=\(Self.encode(folder + entry.name))")]],
            ]
            if let length = entry.length { item["length"] = .string(String(length)) }
            return .object(item)
        }
        let keep = folder.isEmpty ? "" : "path=\(Self.encode(String(folder.dropLast())))&"
        return JSONResponse.make(.ok, page.envelope(items, total: entries.count, base: base, query: keep))
    }

    // MARK: Helpers

    private func requireBatch(_ batchID: String, tenant: Tenant) async throws -> StoredObject {
        guard let batch = try await catalog.get(.batches, tenant: tenant, id: batchID) else {
            throw ProblemError.notFound("The batch '\(batchID)' was not found.", code: "EXPORT-1404-404")
        }
        return batch
    }

    /// Data Access writes numbers as strings (`"created": "1558522305708"`).
    static func text(_ value: JSONValue?) -> JSONValue {
        switch value {
        case .int(let number)?: .string(String(number))
        case .double(let number)?: .string(String(number))
        case .string(let text)?: .string(text)
        default: .null
        }
    }

    /// `{batchId}-{n}` → n (1 when the id has no number).
    static func partNumber(_ fileID: String) -> Int {
        fileID.split(separator: "-").last.flatMap { Int($0) } ?? 1
    }

    /// Percent-encodes a path for a query value (`/` too, as AEP's `row_errors%2F…` links do).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "/&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
