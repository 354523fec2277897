import BatchyardCore
import BatchyardServer
import Testing

@Suite("OpenAPI document shape")
struct OpenAPIDocumentTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    @Test("Parses back from its serialized form; every operation has an id, responses and its path parameters")
    func operations() throws {
        for mode in [AuthMode.dev, .strict] {
            let document = try JSONValue(parsing: OpenAPIDocument.make(authMode: mode).serialized())
            #expect(document["openapi"] == "3.1.0")
            let paths = try #require(document["paths"]?.objectValue)
            #expect(paths.count > 20)
            var operationIDs: [String] = []
            for (path, item) in paths {
                #expect(path.hasPrefix("/"))
                for (method, operation) in item.objectValue ?? [:] {
                    #expect(Self.methods.contains(method), "\(method) \(path)")
                    let responses = operation["responses"]?.objectValue ?? [:]
                    #expect(!responses.isEmpty, "\(method) \(path) has no responses")
                    #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) has no success response")
                    for (status, response) in responses {
                        #expect(Int(status) != nil, "\(method) \(path): status \(status)")
                        #expect(response["description"]?.stringValue != nil, "\(method) \(path) \(status) has no description")
                    }
                    operationIDs.append(operation["operationId"]?.stringValue ?? "")
                    let declared = Set((operation["parameters"]?.arrayValue ?? [])
                        .filter { $0["in"] == "path" }.compactMap { $0["name"]?.stringValue })
                    let placeholders = Set(path.split(separator: "/").filter { $0.hasPrefix("{") }
                        .map { String($0.dropFirst().dropLast()) })
                    #expect(declared == placeholders, "\(method) \(path): \(declared) vs \(placeholders)")
                    if path.hasPrefix("/data/foundation/") {
                        #expect(responses["403"] != nil && responses["401"] != nil, "\(method) \(path) lacks the gateway errors")
                    } else {
                        #expect(operation["security"] == .array([]), "\(method) \(path) should need no credentials")
                    }
                }
            }
            #expect(!operationIDs.contains(""))
            #expect(Set(operationIDs).count == operationIDs.count, "operation ids must be unique")
            #expect(operationIDs.contains("issueToken") == (mode == .strict))
        }
    }

    @Test("Every $ref points at a schema the document defines; the gateway headers are security schemes")
    func references() throws {
        let document = OpenAPIDocument.make(authMode: .strict)
        let schemas = Set(document["components"]?["schemas"]?.objectValue?.keys.map { $0 } ?? [])
        var references: [String] = []
        Self.collectReferences(document, into: &references)
        #expect(!references.isEmpty)
        for reference in references {
            let name = reference.replacingOccurrences(of: "#/components/schemas/", with: "")
            #expect(reference.hasPrefix("#/components/schemas/") && schemas.contains(name), "dangling \(reference)")
        }
        let schemes = document["components"]?["securitySchemes"]?.objectValue ?? [:]
        let headers = Set(schemes.values.compactMap { $0["name"]?.stringValue })
        #expect(headers == ["x-api-key", "x-gw-ims-org-id", "x-sandbox-name"])
        #expect(schemes["bearerAuth"]?["scheme"] == "bearer")
    }

    static func collectReferences(_ value: JSONValue, into references: inout [String]) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if key == "$ref", let text = member.stringValue { references.append(text) }
                collectReferences(member, into: &references)
            }
        case .array(let elements):
            for element in elements { collectReferences(element, into: &references) }
        default:
            break
        }
    }
}
