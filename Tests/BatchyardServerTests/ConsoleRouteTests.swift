import BatchyardCore
import BatchyardServer
import HTTPTypes
import Testing

/// The console's static routes, in process: no gateway headers needed, the right types, a
/// Content-Security-Policy that keeps the page to this server, and the auth mode for the page.
@Suite("Web console routes")
struct ConsoleRouteTests {
    @Test("/console and its files are served without gateway headers, with a same-origin CSP")
    func staticFiles() async throws {
        try await TestServer().run { api in
            for path in ["/console", "/console/index.html"] {
                let page = try await api.send(.get, path, headers: [:])
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.text.contains(#"<script type="module" src="/console/app.js">"#))
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
            }
            for name in ["app.js", "api.js", "dom.js", "chart.js", "settings.js", "datasets.js", "batch.js"] {
                let script = try await api.send(.get, "/console/\(name)", headers: [:])
                #expect(script.status == .ok, "\(name)")
                #expect(script.headers[.contentType] == "text/javascript; charset=utf-8", "\(name)")
                // No framework, no external URL, and no HTML parsing of server data.
                #expect(!script.text.contains("innerHTML"), "\(name)")
                #expect(!script.text.contains("https://"), "\(name)")
            }
            let style = try await api.send(.get, "/console/console.css", headers: [:])
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            let missing = try await api.send(.get, "/console/nope.js", headers: [:])
            #expect(missing.status == .notFound)
        }
    }

    @Test("config.json tells the page the auth mode and the defaults", arguments: [AuthMode.dev, .strict])
    func configuration(mode: AuthMode) async throws {
        try await TestServer(authMode: mode).run { api in
            let answer = try await api.send(.get, "/console/config.json", headers: [:])
            #expect(answer.status == .ok)
            #expect(answer.json["authMode"]?.stringValue == mode.rawValue)
            #expect(answer.json["tokenPath"]?.stringValue == "/ims/token/v3")
            #expect(answer.json["defaults"]?["sandbox"]?.stringValue == "prod")
            #expect(answer.json["defaults"]?["token"]?.stringValue == (mode == .dev ? "dev-token" : ""))
        }
    }
}
