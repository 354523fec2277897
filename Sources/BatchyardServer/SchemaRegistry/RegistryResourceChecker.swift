import BatchyardCore
import BatchyardStore
import XDMValidation

/// Checks a tenant resource against the rest of the registry before it is stored: its `$ref`s
/// must name resources that exist, a schema must implement exactly one class plus field groups
/// meant for it, custom fields must sit under the tenant namespace `_{tenantId}` with legal names,
/// and the whole must resolve and compile into a validator (so ingestion never meets a schema it
/// cannot enforce).
struct RegistryResourceChecker: Sendable {
    let tenantID: String
    /// The tenant's resources by `$id` and `meta:altId` (the candidate included).
    let documents: [String: JSONValue]

    init(tenantID: String, resources: [RegistryResource]) {
        self.tenantID = tenantID
        var documents: [String: JSONValue] = [:]
        for resource in resources {
            documents[resource.id] = resource.document
            documents[resource.altID] = resource.document
        }
        self.documents = documents
    }

    /// A resolver that finds the tenant's resources, then the built-in ones.
    var resolver: XDMSchemaResolver {
        let documents = documents
        return XDMSchemaResolver(lookup: { documents[$0] })
    }

    private var namespace: String { XDMResourceID.tenantNamespace(tenantID: tenantID) }

    /// The resource as it will be stored (a schema gains `meta:class` and `meta:extends`).
    func check(_ resource: RegistryResource) throws(RegistryProblem) -> RegistryResource {
        guard var members = resource.document.objectValue else { return resource }
        let noun = RegistryDocumentRules.noun(resource.kind)
        switch resource.kind {
        case .schemas:
            try checkSchemaParts(&members)
        case .mixins:
            guard let targets = members["meta:intendedToExtend"]?.arrayValue,
                targets.allSatisfy({ $0.stringValue != nil })
            else {
                throw .badRequest(
                    "A field group needs `meta:intendedToExtend`: the `$id`s of the classes it is meant for.")
            }
            for target in targets.compactMap(\.stringValue) where Self.builtinClass(target) == nil {
                throw .badRequest("`meta:intendedToExtend` names `\(target)`, which is not a class.")
            }
        case .datatypes, .classes:
            break
        }
        try checkNames(members, kind: resource.kind)
        let document = JSONValue.object(members)
        do {
            _ = try resolver.compile(document)
        } catch {
            throw .badRequest("The \(noun) is not a valid XDM \(noun): \(error).")
        }
        return RegistryResource(
            kind: resource.kind, id: resource.id, altID: resource.altID, title: resource.title,
            version: resource.version, created: resource.created, updated: resource.updated, document: document)
    }

    /// `allOf`: one class and field groups intended for it; derives `meta:class` and `meta:extends`.
    private func checkSchemaParts(_ members: inout [String: JSONValue]) throws(RegistryProblem) {
        guard let parts = members["allOf"]?.arrayValue, !parts.isEmpty else {
            throw .badRequest(
                "A schema needs `allOf` with a `$ref` to its class (e.g. https://ns.adobe.com/xdm/context/profile) "
                    + "and to its field groups.")
        }
        var classID: String?
        var fieldGroups: [(id: String, document: JSONValue)] = []
        for part in parts {
            guard let reference = part["$ref"]?.stringValue else {
                throw .badRequest("Every `allOf` entry of a schema must be an object with a `$ref`.")
            }
            if let builtin = Self.builtinClass(reference) {
                guard classID == nil || classID == builtin.id else {
                    throw .badRequest("A schema implements exactly one class; `allOf` names \(classID!) and \(builtin.id).")
                }
                classID = builtin.id
            } else if let builtin = BuiltinXDMRegistry.standard.resource(id: reference), builtin.kind == .fieldGroup {
                fieldGroups.append((builtin.id, builtin.document))
            } else if let document = documents[reference], document["meta:resourceType"] == "mixins" {
                fieldGroups.append((document["$id"]?.stringValue ?? reference, document))
            } else if documents[reference] != nil || BuiltinXDMRegistry.standard.resource(id: reference) != nil {
                throw .badRequest("`allOf` may name a class and field groups only; `\(reference)` is neither.")
            } else {
                throw .badRequest("`allOf` names `\(reference)`, which is no class or field group of this sandbox.")
            }
        }
        guard let classID, let classDocument = Self.builtinClass(classID)?.document else {
            throw .badRequest(
                "A schema's `allOf` must name its class, e.g. https://ns.adobe.com/xdm/context/profile "
                    + "or https://ns.adobe.com/xdm/context/experienceevent.")
        }
        for group in fieldGroups {
            let targets = group.document["meta:intendedToExtend"]?.arrayValue?.compactMap(\.stringValue) ?? []
            if !targets.isEmpty, !targets.contains(classID) {
                throw .badRequest("Field group \(group.id) is not meant for class \(classID) (it extends \(targets.joined(separator: ", "))).")
            }
        }
        var extends = classDocument["meta:extends"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for id in [classID] + fieldGroups.map(\.id) where !extends.contains(id) { extends.append(id) }
        members["meta:class"] = .string(classID)
        members["meta:extends"] = .array(extends.map(JSONValue.string))
        for name in (members["properties"]?.objectValue ?? [:]).keys where name != namespace {
            throw .badRequest("A schema's own fields must sit under the tenant namespace `\(namespace)`; `\(name)` does not.")
        }
    }

    /// Custom field names: letters, digits, `-` and `_`, not starting with `_`; in schemas and
    /// field groups the top level holds only the tenant namespace.
    private func checkNames(_ members: [String: JSONValue], kind: RegistryResource.Kind) throws(RegistryProblem) {
        var roots: [(properties: [String: JSONValue], path: String)] = []
        if let properties = members["properties"]?.objectValue { roots.append((properties, "/properties")) }
        for (name, definition) in members["definitions"]?.objectValue ?? [:] {
            if let properties = definition["properties"]?.objectValue {
                roots.append((properties, "/definitions/\(name)/properties"))
            }
        }
        for root in roots {
            for (name, field) in root.properties {
                if kind == .datatypes || kind == .classes {
                    try checkField(name, field, path: root.path)
                } else {
                    guard name == namespace else {
                        throw .badRequest(
                            "Custom fields must sit under the tenant namespace `\(namespace)`; `\(root.path)/\(name)` does not.")
                    }
                    for (inner, innerField) in field["properties"]?.objectValue ?? [:] {
                        try checkField(inner, innerField, path: "\(root.path)/\(name)/properties")
                    }
                }
            }
        }
    }

    private func checkField(_ name: String, _ field: JSONValue, path: String) throws(RegistryProblem) {
        let scalars = name.unicodeScalars
        let legal = scalars.first.map { $0 != "_" && $0 != "-" } == true && scalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard legal else {
            throw .badRequest(
                "Field name `\(name)` at \(path) is not allowed: use letters, digits, '-' and '_', not starting with '_'.")
        }
        for (inner, innerField) in field["properties"]?.objectValue ?? [:] {
            try checkField(inner, innerField, path: "\(path)/\(name)/properties")
        }
        if let items = field["items"] {
            for (inner, innerField) in items["properties"]?.objectValue ?? [:] {
                try checkField(inner, innerField, path: "\(path)/\(name)/items/properties")
            }
        }
    }

    /// A built-in class named by `$id`, `meta:altId` or the short XDM form (`context/profile`).
    static func builtinClass(_ id: String) -> BuiltinXDMResource? {
        let resource = BuiltinXDMRegistry.standard.resource(id: id)
            ?? BuiltinXDMRegistry.standard.resource(id: "https://ns.adobe.com/xdm/" + id)
        return resource?.kind == .class ? resource : nil
    }
}
