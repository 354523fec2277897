extension JSONValue {
    /// Applies an RFC 7386 JSON Merge Patch: objects merge member by member, a `null` member removes
    /// that member, and anything else (arrays included) replaces the target outright.
    ///
    /// Catalog uses it for `PATCH` with `Content-Type: application/json`.
    public func mergePatched(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var members = objectValue ?? [:]
        for (key, value) in patchMembers {
            if value.isNull {
                members.removeValue(forKey: key)
            } else {
                members[key] = (members[key] ?? .null).mergePatched(with: value)
            }
        }
        return .object(members)
    }

    /// The deep merge of `PATCH /v2/dataSets/{id}`: nested objects merge recursively, missing (or
    /// non-object) intermediate members become objects, and every non-object value in `update`
    /// (arrays and `null` included) is stored as given.
    ///
    /// Unlike `mergePatched(with:)`, `null` is a value here, not a deletion: PATCH v2 only adds and
    /// overwrites fields, it never removes them.
    public func deepMerged(with update: JSONValue) -> JSONValue {
        guard case .object(let updateMembers) = update else { return update }
        var members = objectValue ?? [:]
        for (key, value) in updateMembers {
            if case .object = value {
                members[key] = (members[key] ?? .object([:])).deepMerged(with: value)
            } else {
                members[key] = value
            }
        }
        return .object(members)
    }
}
