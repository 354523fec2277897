import BatchyardCore
import BatchyardStore
import Foundation
import XDMValidation

/// Turns client bodies into stored registry documents: the registry owns `$id`, `meta:altId`,
/// `version`, `meta:registryMetadata` and the container fields, so whatever a client sends for them
/// (a PUT body is usually a GET answer, edited) is replaced, never trusted.
enum RegistryDocumentRules {
    /// Who writes, where and when.
    struct WriteContext: Sendable {
        var tenant: Tenant
        var tenantID: String
        var clientID: String
        var userID: String
        var now: Int64
    }

    /// Keys the registry sets itself.
    static let managedKeys: Set<String> = [
        "$id", "meta:altId", "meta:resourceType", "version", "meta:registryMetadata", "meta:containerId",
        "meta:sandboxId", "meta:sandboxType", "meta:tenantNamespace", "imsOrg", "$schema", "meta:xdmType",
        "meta:extensible", "meta:abstract", "refs",
    ]

    /// The collection segment in `$id`s of each kind.
    static func idCollection(_ kind: RegistryResource.Kind) -> String {
        kind.rawValue
    }

    /// A new resource from a POST body (not yet checked against the other resources; see
    /// `RegistryResourceChecker`).
    static func newResource(
        _ kind: RegistryResource.Kind, body: JSONValue, context: WriteContext
    ) throws(RegistryProblem) -> RegistryResource {
        let localID = randomHex(bytes: 16)
        let id = XDMResourceID.tenantResourceID(tenantID: context.tenantID, collection: idCollection(kind), localID: localID)
        let metadata: JSONValue = [
            "repo:createdDate": .int(context.now), "repo:lastModifiedDate": .int(context.now),
            "xdm:createdClientId": .string(context.clientID), "xdm:lastModifiedClientId": .string(context.clientID),
            "xdm:createdUserId": .string(context.userID), "xdm:lastModifiedUserId": .string(context.userID),
        ]
        return try stamped(
            kind, body: body, id: id, version: "1.0", created: context.now, metadata: metadata, context: context)
    }

    /// The replacement of `existing` by a PUT body (or a patched document), one minor version up.
    static func replacement(
        _ existing: RegistryResource, body: JSONValue, context: WriteContext
    ) throws(RegistryProblem) -> RegistryResource {
        var metadata = existing.document["meta:registryMetadata"]?.objectValue ?? [:]
        metadata["repo:lastModifiedDate"] = .int(context.now)
        metadata["xdm:lastModifiedClientId"] = .string(context.clientID)
        metadata["xdm:lastModifiedUserId"] = .string(context.userID)
        return try stamped(
            existing.kind, body: body, id: existing.id, version: nextVersion(existing.version),
            created: existing.created, metadata: .object(metadata), context: context)
    }

    /// `1.3` → `1.4`: every accepted change is compatible (XDM forbids breaking ones), so only the
    /// minor version moves.
    static func nextVersion(_ version: String) -> String {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return "\(parts.first ?? 1).\((parts.count > 1 ? parts[1] : 0) + 1)"
    }

    private static func stamped(
        _ kind: RegistryResource.Kind, body: JSONValue, id: String, version: String, created: Int64,
        metadata: JSONValue, context: WriteContext
    ) throws(RegistryProblem) -> RegistryResource {
        guard var members = body.objectValue else {
            throw .badRequest("The body must be a JSON object describing the \(noun(kind)).")
        }
        guard let title = members["title"]?.stringValue, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badRequest("A \(noun(kind)) needs a non-empty string `title`.")
        }
        if let description = members["description"], description.stringValue == nil {
            throw .badRequest("`description` must be a string.")
        }
        if let type = members["type"], type != "object" {
            throw .badRequest("A \(noun(kind)) must have `type` \"object\", not \(type.serialized()).")
        }
        for key in managedKeys { members[key] = nil }
        let altID = XDMResourceID.altID(for: id)
        var metadata = metadata.objectValue ?? [:]
        metadata["eTag"] = .string(eTag(id: id, version: version, updated: context.now))
        members["$id"] = .string(id)
        members["meta:altId"] = .string(altID)
        members["meta:resourceType"] = .string(kind.rawValue)
        members["version"] = .string(version)
        members["type"] = "object"
        members["$schema"] = "http://json-schema.org/draft-06/schema#"
        members["meta:xdmType"] = "object"
        members["meta:extensible"] = .bool(kind != .schemas)
        members["meta:abstract"] = .bool(kind == .mixins)
        members["meta:registryMetadata"] = .object(metadata)
        members["meta:containerId"] = "tenant"
        members["meta:sandboxId"] = .string(context.tenant.sandbox)
        members["meta:sandboxType"] = context.tenant.sandbox == "prod" ? "production" : "development"
        members["meta:tenantNamespace"] = .string(XDMResourceID.tenantNamespace(tenantID: context.tenantID))
        members["imsOrg"] = .string(context.tenant.org)
        return RegistryResource(
            kind: kind, id: id, altID: altID, title: title, version: version, created: created, updated: context.now,
            document: .object(members))
    }

    /// What a kind is called in messages.
    static func noun(_ kind: RegistryResource.Kind) -> String {
        switch kind {
        case .schemas: "schema"
        case .mixins: "field group"
        case .datatypes: "data type"
        case .classes: "class"
        }
    }

    private static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// A tag that changes with every version of the resource.
    private static func eTag(id: String, version: String, updated: Int64) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(id)|\(version)|\(updated)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
