/// What clients may and may not write in a Catalog object, and the fields the service stamps.
///
/// Pure functions, so that create, replace and both patch flavours apply the same rules.
public enum CatalogDocumentRules {
    /// Who writes and when: the values stamped on system fields.
    public struct WriteContext: Sendable {
        public let tenant: Tenant
        public let clientID: String
        public let userID: String
        public let now: Int64

        public init(tenant: Tenant, clientID: String, userID: String, now: Int64) {
            self.tenant = tenant
            self.clientID = clientID
            self.userID = userID
            self.now = now
        }
    }

    /// A field a client tried to set that it may not, or a field of the wrong type.
    public struct Violation: Error, Equatable, CustomStringConvertible {
        public let field: String
        public let reason: String
        public var description: String { "'\(field)' \(reason)" }
    }

    /// Fields only the service writes, on every collection.
    public static let commonSystemFields: Set<String> = [
        "id", "imsOrg", "created", "updated", "createdClient", "createdUser", "updatedUser", "version",
    ]

    /// Fields the service (or ingestion) writes on one collection, clients never.
    public static func systemFields(of collection: CatalogCollection) -> Set<String> {
        switch collection {
        case .dataSets:
            commonSystemFields.union([
                "files", "basePath", "lastBatchId", "lastBatchStatus", "lastSuccessfulBatch", "lastFailedBatch",
                "viewId", "persistence",
            ])
        default:
            commonSystemFields
        }
    }

    /// The valid batch statuses (Catalog spec enum).
    public static let batchStatuses: Set<String> = [
        "processing", "success", "failure", "queued", "retrying", "stalled", "aborted", "abandoned", "inactive",
        "failed", "loading", "loaded", "staged", "active", "staging", "deleted",
    ]

    /// Checks the types of the fields clients write; system fields are not checked (they are dropped).
    public static func validate(_ body: [String: JSONValue], collection: CatalogCollection, requireStatus: Bool) throws(Violation) {
        func expect(_ field: String, _ check: (JSONValue) -> Bool, _ reason: String) throws(Violation) {
            if let value = body[field], !value.isNull, !check(value) { throw Violation(field: field, reason: reason) }
        }
        let isString: (JSONValue) -> Bool = { $0.stringValue != nil }
        let isObject: (JSONValue) -> Bool = { $0.objectValue != nil }
        let isBool: (JSONValue) -> Bool = { $0.boolValue != nil }
        let isInteger: (JSONValue) -> Bool = { $0.int64Value != nil }
        try expect("tags", { value in
            guard let tags = value.objectValue else { return false }
            return tags.values.allSatisfy { tag in
                tag.arrayValue?.allSatisfy { $0.stringValue != nil } ?? (tag.boolValue != nil || tag.doubleValue != nil)
            }
        }, "must be an object whose values are arrays of strings")
        switch collection {
        case .dataSets:
            try expect("name", isString, "must be a string")
            try expect("description", isString, "must be a string")
            try expect("enableErrorDiagnostics", isBool, "must be a boolean")
            try expect("fileDescription", isObject, "must be an object")
            try expect("observableSchema", isObject, "must be an object")
            try expect("schema", isString, "must be a string")
            try expect("dataSourceId", isInteger, "must be an integer")
            try expect("schemaRef", { ref in
                guard let members = ref.objectValue, let id = members["id"]?.stringValue, !id.isEmpty else { return false }
                return members["contentType"].map { $0.stringValue != nil } ?? true
            }, "must be an object with a string 'id' (and 'contentType')")
        case .batches:
            if requireStatus && body["status"] == nil {
                throw Violation(field: "status", reason: "is required")
            }
            try expect("status", { batchStatuses.contains($0.stringValue ?? "") },
                       "must be one of \(batchStatuses.sorted().joined(separator: ", "))")
            try expect("externalId", isString, "must be a string")
            for field in ["started", "completed", "recordCount", "failedRecordCount", "size"] {
                try expect(field, isInteger, "must be an integer")
            }
            try expect("relatedObjects", { $0.arrayValue?.allSatisfy { $0.objectValue != nil } ?? false },
                       "must be an array of objects")
            try expect("errors", { $0.arrayValue != nil }, "must be an array")
            try expect("metrics", isObject, "must be an object")
            try expect("inputFormat", isObject, "must be an object")
            try expect("replay", isObject, "must be an object")
            try expect("availableDates", isObject, "must be an object")
        default:
            break
        }
    }

    /// A new object's document: the client's fields (system fields dropped) plus the stamped ones.
    public static func newDocument(
        _ body: [String: JSONValue], id: String, collection: CatalogCollection, context: WriteContext
    ) -> JSONValue {
        var document = body.filter { !systemFields(of: collection).contains($0.key) }
        if collection.bodyCarriesID { document["id"] = .string(id) }
        document["imsOrg"] = .string(context.tenant.org)
        document["created"] = .int(context.now)
        document["updated"] = .int(context.now)
        document["createdClient"] = .string(context.clientID)
        document["createdUser"] = .string(context.userID)
        document["updatedUser"] = .string(context.userID)
        document["version"] = .string(ObjectVersion.initial.description)
        if collection == .dataSets {
            document["files"] = .string("@/dataSetFiles?dataSetId=\(id)")
            if document["tags"] == nil { document["tags"] = .object([:]) }
        }
        return .object(document)
    }

    /// A replacement document (PUT): the client's fields, with system fields carried over from
    /// `existing` and the write stamped.
    public static func replacementDocument(
        _ body: [String: JSONValue], existing: JSONValue, collection: CatalogCollection, context: WriteContext
    ) -> JSONValue {
        let system = systemFields(of: collection)
        var document = body.filter { !system.contains($0.key) }
        for field in system { document[field] = existing[field] }
        return stampUpdate(.object(document), context: context)
    }

    /// After a patch: refuses any change to a system field, then stamps the write.
    public static func patchedDocument(
        _ patched: JSONValue, existing: JSONValue, collection: CatalogCollection, context: WriteContext
    ) throws(Violation) -> JSONValue {
        guard let members = patched.objectValue else {
            throw Violation(field: "/", reason: "must remain a JSON object")
        }
        for field in systemFields(of: collection).sorted() where members[field] != existing[field] {
            throw Violation(field: field, reason: "is managed by the Catalog and cannot be modified")
        }
        try validate(members, collection: collection, requireStatus: false)
        return stampUpdate(patched, context: context)
    }

    /// Bumps the version and sets `updated`/`updatedUser`.
    public static func stampUpdate(_ document: JSONValue, context: WriteContext) -> JSONValue {
        guard var members = document.objectValue else { return document }
        let version = members["version"]?.stringValue.flatMap(ObjectVersion.init) ?? .initial
        members["version"] = .string(version.bumped().description)
        members["updated"] = .int(max(context.now, members["updated"]?.int64Value ?? 0))
        members["updatedUser"] = .string(context.userID)
        return .object(members)
    }
}
