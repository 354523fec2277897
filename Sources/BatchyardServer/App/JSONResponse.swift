import HTTPTypes
import BatchyardCore
import Hummingbird
import NIOCore

/// Builds JSON responses from `JSONValue`s with our own serializer (no Codable round trip).
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ body: JSONValue, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let bytes = body.serializedBytes()
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A 200 with an empty body, which AEP answers file uploads and batch signals with.
    static func emptyOK() -> Response {
        Response(status: .ok, body: ResponseBody())
    }
}
