import BatchyardCore
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the web console (`/console`): a static page, its style sheet and ES modules, and a small
/// `config.json` telling the page how the gateway checks callers.
///
/// The console is plain HTML, CSS and JavaScript compiled into the binary (``ConsoleAssets``), so
/// it works from `swift run`, a release build or a copied binary, with no build step and no CDN.
/// Its paths sit outside `/data/foundation/`, so the gateway does not ask them for headers; the
/// page itself calls the real API with the four headers, like any other client.
struct ConsoleController: Sendable {
    /// How the gateway checks callers, so the page can ask for a token only when one is needed.
    let authMode: AuthMode
    /// The org and sandbox the page starts with until the user picks others (any work in dev mode).
    let defaultOrg: String
    let defaultSandbox: String

    init(
        authMode: AuthMode, defaultOrg: String = "4F3BB22C5631222A7F000101@AdobeOrg", defaultSandbox: String = "prod"
    ) {
        self.authMode = authMode
        self.defaultOrg = defaultOrg
        self.defaultSandbox = defaultSandbox
    }

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        router.get("/console") { _, _ in Self.asset(ConsoleAssets.indexName) }
        router.get("/console/config.json") { _, _ in
            var response = JSONResponse.make(.ok, configuration)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("/console/:asset") { _, context in
            Self.asset(try context.parameters.require("asset"))
        }
    }

    /// What the page needs before its first API call.
    var configuration: JSONValue {
        [
            "authMode": .string(authMode.rawValue),
            "tokenPath": "/ims/token/v3",
            "defaults": [
                "org": .string(defaultOrg), "sandbox": .string(defaultSandbox),
                "apiKey": "batchyard-console",
                "token": .string(authMode == .dev ? "dev-token" : ""),
            ],
        ]
    }

    /// One embedded file, or the API's 404 body for a name the console does not have.
    static func asset(_ name: String) -> Response {
        guard let asset = ConsoleAssets.files[name] else {
            return JSONResponse.make(.notFound, [
                "type": "http://ns.adobe.com/aep/errors/CONSOLE-1404-404", "title": "Not Found", "status": 404,
                "detail": .string("The console has no file '\(name)'."),
            ])
        }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: asset.body)))
    }
}
