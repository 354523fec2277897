import HTTPTypes
import BatchyardCore
import Hummingbird

/// A Catalog call, independent of HTTP, so that multi-request `POST /` can run sub-requests
/// through exactly the code that serves them one by one.
struct CatalogRequest: Sendable {
    var method: HTTPRequest.Method
    /// Path segments after `/data/foundation/catalog`, percent-decoded.
    var path: [String]
    var query: [(name: String, value: String)]
    var ifMatch: String?
    var ifNoneMatch: String?
    var validateOnly: Bool
    /// The media type of `body` (lower-cased, parameters dropped), `nil` when there is none.
    var contentType: String?
    var body: JSONValue?
}

/// What a Catalog call answers.
struct CatalogResponse: Sendable {
    var status: HTTPResponse.Status
    var body: JSONValue
    var etag: String?
    var location: String?

    init(status: HTTPResponse.Status, body: JSONValue, etag: String? = nil, location: String? = nil) {
        self.status = status
        self.body = body
        self.etag = etag
        self.location = location
    }
}

/// Thrown inside a transaction to roll back a `Pragma: validate-only` write while keeping its answer.
struct ValidateOnlyRollback: Error {
    let response: CatalogResponse
}
