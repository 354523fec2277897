import BatchyardCore

/// Expands a schema's `$ref`s and `allOf`s into one self-contained schema tree.
///
/// XDM schemas are assembled from a class, field groups and data types, all linked by `$ref`
/// (`https://ns.adobe.com/xdm/context/profile`, `#/definitions/customFields`, ...). Validation and
/// the Parquet schema both need the flat result: every `properties` inline, `allOf` parts merged,
/// `definitions` gone. Cycles and runaway nesting are errors rather than hangs.
public struct XDMSchemaResolver: Sendable {
    /// Where referenced documents come from.
    public let source: any XDMSchemaSource
    /// How deep nesting (objects inside objects, plus `$ref` hops) may go.
    public let maxDepth: Int

    /// A resolver over `source`; with `includeBuiltins` the standard XDM resources of
    /// `BuiltinXDMRegistry` are found when `source` does not hold an id.
    public init(source: any XDMSchemaSource, includeBuiltins: Bool = true, maxDepth: Int = 64) {
        self.source = includeBuiltins ? XDMChainedSchemaSource([source, BuiltinXDMRegistry.standard]) : source
        self.maxDepth = maxDepth
    }

    /// A resolver that looks references up with `lookup`, then among the built-in resources.
    public init(maxDepth: Int = 64, lookup: @escaping @Sendable (String) -> JSONValue?) {
        self.init(source: XDMClosureSchemaSource(lookup), maxDepth: maxDepth)
    }

    /// The schema with every `$ref` and `allOf` expanded.
    public func resolve(_ schema: JSONValue) throws(XDMSchemaError) -> JSONValue {
        let documentID = schema["$id"]?.stringValue
        var context = Context(document: schema, documentID: documentID, stack: [], depth: 0)
        return .object(try resolve(schema, &context, path: ""))
    }

    /// Resolves then compiles: the usual way to get from a stored schema to a validator input.
    public func compile(_ schema: JSONValue) throws(XDMSchemaError) -> XDMObjectType {
        try XDMSchemaCompiler.compile(resolve(schema))
    }

    /// Where a subschema sits: the document its local `#/...` references point into, and the
    /// references being expanded on the way here (for cycle detection).
    private struct Context {
        var document: JSONValue
        var documentID: String?
        var stack: [String]
        var depth: Int
    }

    private static let structuralKeys: Set<String> = ["$ref", "allOf", "definitions", "properties", "items",
        "additionalProperties"]

    private func resolve(_ schema: JSONValue, _ context: inout Context, path: String) throws(XDMSchemaError)
        -> [String: JSONValue]
    {
        guard context.depth <= maxDepth else {
            throw XDMSchemaError(.tooDeep, path: path, "the schema nests deeper than \(maxDepth) levels")
        }
        guard let members = schema.objectValue else {
            throw XDMSchemaError(.invalidSchema, path: path, "a schema must be a JSON object")
        }
        var result: [String: JSONValue] = [:]
        if let reference = members["$ref"] {
            guard let text = reference.stringValue else {
                throw XDMSchemaError(.invalidSchema, path: path + "/$ref", "`$ref` must be a string")
            }
            try merge(expand(text, context, path: path + "/$ref"), into: &result, path: path)
        }
        if let parts = members["allOf"] {
            guard let list = parts.arrayValue else {
                throw XDMSchemaError(.invalidSchema, path: path + "/allOf", "`allOf` must be an array")
            }
            for (position, part) in list.enumerated() {
                let partPath = path + "/allOf/\(position)"
                try merge(nested(part, &context, path: partPath), into: &result, path: path)
            }
        }
        var own: [String: JSONValue] = [:]
        for (key, value) in members where !Self.structuralKeys.contains(key) {
            own[key] = value
        }
        if let properties = members["properties"] {
            guard let fields = properties.objectValue else {
                throw XDMSchemaError(.invalidSchema, path: path + "/properties", "`properties` must be an object")
            }
            var resolvedFields: [String: JSONValue] = [:]
            for (name, field) in fields {
                let fieldPath = path + "/properties/" + XDMPointer.escape(name)
                resolvedFields[name] = .object(try nested(field, &context, path: fieldPath))
            }
            own["properties"] = .object(resolvedFields)
        }
        if let items = members["items"] {
            own["items"] = .object(try nested(items, &context, path: path + "/items"))
        }
        if let additional = members["additionalProperties"] {
            own["additionalProperties"] =
                additional.objectValue != nil
                ? .object(try nested(additional, &context, path: path + "/additionalProperties")) : additional
        }
        try merge(own, into: &result, path: path)
        return result
    }

    private func nested(_ schema: JSONValue, _ context: inout Context, path: String) throws(XDMSchemaError)
        -> [String: JSONValue]
    {
        context.depth += 1
        defer { context.depth -= 1 }
        return try resolve(schema, &context, path: path)
    }

    /// Finds and resolves the target of one `$ref`, in its own document's context.
    private func expand(_ reference: String, _ context: Context, path: String) throws(XDMSchemaError)
        -> [String: JSONValue]
    {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let fragment = parts.count > 1 ? parts[1] : ""
        var target = context
        if !base.isEmpty && base != context.documentID {
            guard let document = source.document(forID: base) else {
                throw XDMSchemaError(.unknownReference, path: path, "no class, field group, data type or schema has the id `\(base)`")
            }
            target.document = document
            target.documentID = document["$id"]?.stringValue ?? base
        }
        let key = (target.documentID ?? "") + "#" + fragment
        if target.stack.contains(key) {
            throw XDMSchemaError(.cycle, path: path, "`\(reference)` refers back to itself through \(target.stack.joined(separator: " → "))")
        }
        guard let tokens = XDMPointer.tokens(fragment) else {
            throw XDMSchemaError(.badPointer, path: path, "the fragment of `\(reference)` is not a JSON Pointer")
        }
        var node = target.document
        for token in tokens {
            switch node {
            case .object(let members) where members[token] != nil:
                node = members[token]!
            case .array(let items) where Int(token).map(items.indices.contains) == true:
                node = items[Int(token)!]
            default:
                throw XDMSchemaError(.badPointer, path: path, "`\(reference)` points at nothing")
            }
        }
        target.stack.append(key)
        target.depth += 1
        var resolved = try resolve(node, &target, path: path)
        if tokens.isEmpty && target.documentID != context.documentID {
            // A whole class, field group or data type contributes its fields, not its identity.
            for identityKey in Self.documentIdentityKeys { resolved[identityKey] = nil }
        }
        return resolved
    }

    /// Keywords that describe a registry resource rather than the data it defines.
    static let documentIdentityKeys = [
        "$id", "$schema", "meta:altId", "meta:resourceType", "version", "meta:abstract", "meta:extensible",
        "meta:intendedToExtend", "meta:containerId", "meta:extends", "meta:registryMetadata", "meta:tenantNamespace",
        "meta:sandboxId", "meta:sandboxType", "meta:class", "imsOrg",
    ]

    /// Merges one resolved part into the accumulated schema: `properties` merge field by field
    /// (two field groups may both add to `_tenant`), `required` lists are united, conflicting
    /// `type`s are an error, and for other keywords the later part wins.
    private func merge(_ part: [String: JSONValue], into result: inout [String: JSONValue], path: String)
        throws(XDMSchemaError)
    {
        for (key, value) in part {
            guard let existing = result[key] else {
                result[key] = value
                continue
            }
            switch key {
            case "properties":
                var fields = existing.objectValue ?? [:]
                for (name, field) in value.objectValue ?? [:] {
                    if let current = fields[name]?.objectValue, let incoming = field.objectValue {
                        var combined = current
                        try merge(incoming, into: &combined, path: path + "/properties/" + XDMPointer.escape(name))
                        fields[name] = .object(combined)
                    } else {
                        fields[name] = field
                    }
                }
                result[key] = .object(fields)
            case "required":
                var names = existing.arrayValue ?? []
                for name in value.arrayValue ?? [] where !names.contains(name) { names.append(name) }
                result[key] = .array(names)
            case "type":
                guard existing == value else {
                    throw XDMSchemaError(
                        .conflict, path: path, "parts of the schema disagree on `type` (\(existing) and \(value))")
                }
            case "items", "additionalProperties":
                if var current = existing.objectValue, let incoming = value.objectValue {
                    try merge(incoming, into: &current, path: path + "/" + key)
                    result[key] = .object(current)
                } else {
                    result[key] = value
                }
            default:
                result[key] = value
            }
        }
    }
}
