import XDMValidation

/// AEP's rule for schemas that data has been ingested under: only additive changes. A field may be
/// added, but none removed, retyped or newly made required, because the dataset's existing lake
/// files (and their Parquet schema) must stay readable under the new version.
enum RegistrySchemaEvolution {
    /// The first change from `old` to `new` that is not additive, as a sentence, or `nil`.
    static func firstBreak(old: XDMObjectType, new: XDMObjectType, path: String = "") -> String? {
        for property in old.properties {
            let fieldPath = path + "/" + property.name
            guard let replacement = new[property.name] else { return "field \(fieldPath) was removed" }
            if replacement.isRequired, !property.isRequired { return "field \(fieldPath) became required" }
            if let problem = firstBreak(old: property.type, new: replacement.type, path: fieldPath) { return problem }
        }
        return nil
    }

    private static func firstBreak(old: XDMFieldType, new: XDMFieldType, path: String) -> String? {
        switch (old, new) {
        case (.object(let before), .object(let after)):
            return firstBreak(old: before, new: after, path: path)
        case (.map(let before), .map(let after)):
            return firstBreak(old: before, new: after, path: path + "/*")
        case (.array(let before, _), .array(let after, _)):
            return firstBreak(old: before, new: after, path: path + "/items")
        case (.string, .string), (.number, .number), (.boolean, .boolean), (.date, .date), (.dateTime, .dateTime):
            return nil
        case (.integer(let before, _), .integer(let after, _)) where before == after:
            return nil
        default:
            return "field \(path) changed type from \(old.displayName) to \(new.displayName)"
        }
    }
}
