import BatchyardCore
import BlobStore
import HTTPTypes
import Hummingbird

/// Serves one blob over HTTP: streamed in pieces (never the whole file in memory), with
/// `Accept-Ranges`, single byte ranges (206 + `Content-Range`), 416 for unsatisfiable ranges, and
/// HEAD answered with the same headers and no body.
enum BlobDownload {
    static func response(
        _ request: Request, blobs: any BlobStore, key: String, name: String, notFound: ProblemError, requestID: String
    ) async throws -> Response {
        guard let size = try await blobs.size(key: key) else { throw notFound }
        var headers = HTTPFields()
        headers[.acceptRanges] = "bytes"
        headers[.contentType] = contentType(for: name)
        let status: HTTPResponse.Status
        let range: ClosedRange<Int64>?
        switch ByteRange(header: request.headers[.range], size: size) {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            let problem = ProblemError(
                .rangeNotSatisfiable, code: "EXPORT-1416-416", title: "Range Not Satisfiable",
                detail: "The requested range lies outside the file of \(size) bytes.")
            return JSONResponse.make(.rangeNotSatisfiable, problem.body(requestID: requestID), headers: headers)
        case .whole:
            status = .ok
            range = nil
        case .partial(let bytes):
            status = .partialContent
            range = bytes
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
        }
        let length = range.map { $0.upperBound - $0.lowerBound + 1 } ?? size
        headers[.contentLength] = String(length)
        if request.method == .head {
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        let stream = blobs.get(key: key, range: range)
        return Response(status: status, headers: headers, body: ResponseBody(contentLength: Int(length)) { writer in
            for try await piece in stream { try await writer.write(piece) }
            try await writer.finish(nil)
        })
    }

    /// The media type by file extension (`application/parquet` as AEP's example shows).
    static func contentType(for name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() {
        case "parquet": "application/parquet"
        case "json": "application/json"
        case "csv": "application/csv"
        case "txt": "text/plain"
        default: "application/octet-stream"
        }
    }
}
