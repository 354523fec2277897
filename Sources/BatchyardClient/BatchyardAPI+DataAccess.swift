import BatchyardCore

/// The Data Access calls: a batch's published files and its row-error diagnostics.
extension BatchyardAPI {
    static let export = "/data/foundation/export"

    /// One file of a batch as Data Access serves it.
    public struct LakeFile: Sendable, Hashable {
        /// The `dataSetFileId`.
        public var fileID: String
        /// The file's name within it (`part-00001.parquet`).
        public var name: String
        /// Its size in bytes, when listed.
        public var length: Int64?
    }

    /// Every file of a successful batch: `GET /batches/{id}/files` (all pages), then each
    /// `GET /files/{dataSetFileId}` listing.
    public func lakeFiles(batchID: String) async throws(ClientError) -> [LakeFile] {
        var fileIDs: [String] = []
        var start = 0
        while true {
            let page = try await send(.GET, Self.export + "/batches/\(Self.encode(batchID))/files",
                                      query: [("start", String(start)), ("limit", "100")]).json
            let data = page["data"]?.arrayValue ?? []
            fileIDs += data.compactMap { $0["dataSetFileId"]?.stringValue }
            start += data.count
            let total = Int(page["_page"]?["count"]?.int64Value ?? 0)
            if data.isEmpty || start >= total { break }
        }
        var files: [LakeFile] = []
        for fileID in fileIDs {
            let listing = try await send(.GET, Self.export + "/files/" + Self.encode(fileID)).json
            for entry in listing["data"]?.arrayValue ?? [] {
                guard let name = entry["name"]?.stringValue else { continue }
                let length = entry["length"]?.int64Value ?? entry["length"]?.stringValue.flatMap { Int64($0) }
                files.append(LakeFile(fileID: fileID, name: name, length: length))
            }
        }
        return files
    }

    /// Downloads one lake file to `destination`.
    public func download(
        _ file: LakeFile, to destination: String, throttle: Throttle? = nil, reporter: ProgressReporter
    ) async throws(ClientError) -> Int64 {
        let written = try await download(
            Self.export + "/files/" + Self.encode(file.fileID), query: [("path", file.name)], to: destination,
            throttle: throttle, announce: { length in if let length { reporter.setTotal(length) } },
            progress: { reporter.add($0) })
        reporter.finish()
        return written
    }

    /// The first `limit` bad rows of a batch from its diagnostics (`meta?path=row_errors`), each a
    /// row-error object (`_corrupt_record`, `_errors`, `_filename`, `_line`). Empty when the batch
    /// has none or diagnostics were off.
    public func rowErrors(batchID: String, limit: Int) async throws(ClientError) -> [JSONValue] {
        guard limit > 0 else { return [] }
        let base = Self.export + "/batches/\(Self.encode(batchID))/meta"
        let listing: JSONValue
        do throws(ClientError) {
            listing = try await send(.GET, base, query: [("path", "row_errors")]).json
        } catch where error.kind == .server(status: 404) {
            return []
        }
        var rows: [JSONValue] = []
        let names = (listing["data"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.sorted()
        for name in names where rows.count < limit {
            let path = name.hasPrefix("row_errors/") ? name : "row_errors/" + name
            let body = try await send(.GET, base, query: [("path", path)]).body
            for line in body.split(separator: UInt8(ascii: "\n")) where rows.count < limit {
                if let row = try? JSONValue(parsing: line) { rows.append(row) }
            }
        }
        return rows
    }

    /// A row error as one line: `data.json line 2: Expected ':' … ({oops)`.
    public static func describeRowError(_ row: JSONValue) -> String {
        let file = row["_filename"]?.stringValue ?? "?"
        let line = row["_line"]?.int64Value.map { " line \($0)" } ?? ""
        let reasons = (row["_errors"]?.arrayValue ?? []).map { issue -> String in
            let reason = issue["reason"]?.stringValue ?? issue["message"]?.stringValue ?? "invalid"
            let code = issue["code"]?.stringValue.map { "[\($0)] " } ?? ""
            let path = issue["path"]?.stringValue.map { " at \($0)" } ?? ""
            return code + reason + path
        }
        var record = row["_corrupt_record"]?.stringValue ?? ""
        if record.count > 80 { record = String(record.prefix(79)) + "…" }
        return "\(file)\(line): \(reasons.joined(separator: "; "))" + (record.isEmpty ? "" : " — \(record)")
    }
}
