import BatchyardCore

/// Produces the representation of a registry resource that an `Accept` header asks for.
public enum XDMSchemaRendering {
    /// `document` in `representation`; expanded forms are resolved with `resolver`.
    public static func render(
        _ document: JSONValue, as representation: XDMAcceptHeader.Representation, resolver: XDMSchemaResolver
    ) throws(XDMSchemaError) -> JSONValue {
        switch representation {
        case .summary: return summary(of: document)
        case .standard: return document
        case .noText: return removingText(document, keepDescriptions: false)
        case .full: return try resolver.resolve(document)
        case .fullNoText: return removingText(try resolver.resolve(document), keepDescriptions: false)
        case .fullDescriptions: return removingText(try resolver.resolve(document), keepDescriptions: true)
        }
    }

    /// The `xed-id` summary of a resource: `$id`, `meta:altId`, `version`, `title`.
    public static func summary(of document: JSONValue) -> JSONValue {
        var summary: [String: JSONValue] = [:]
        for key in ["$id", "meta:altId", "version", "title"] {
            if let value = document[key] { summary[key] = value }
        }
        return .object(summary)
    }

    /// The schema without `title` (and without `description` unless kept) at every level; fields
    /// *named* `title` or `description` stay, because only schema keywords are removed.
    public static func removingText(_ schema: JSONValue, keepDescriptions: Bool) -> JSONValue {
        guard case .object(let members) = schema else { return schema }
        var result: [String: JSONValue] = [:]
        for (key, value) in members {
            switch key {
            case "title": continue
            case "description" where !keepDescriptions: continue
            case "properties", "definitions", "patternProperties":
                guard case .object(let fields) = value else {
                    result[key] = value
                    continue
                }
                result[key] = .object(fields.mapValues { removingText($0, keepDescriptions: keepDescriptions) })
            case "items", "additionalProperties":
                result[key] = removingText(value, keepDescriptions: keepDescriptions)
            case "allOf", "anyOf", "oneOf":
                result[key] = .array((value.arrayValue ?? []).map { removingText($0, keepDescriptions: keepDescriptions) })
            default:
                result[key] = value
            }
        }
        return .object(result)
    }
}
