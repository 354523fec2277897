/// Failures of the metadata store that callers act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// An object with this id already exists in the tenant (ids are never reused).
    case duplicateID(String)
    /// A compare-and-set write lost: the stored version is no longer the one read.
    case versionConflict(id: String, expected: String)
    /// A stored document could not be parsed (corruption; never expected).
    case corruptDocument(id: String, reason: String)

    public var description: String {
        switch self {
        case .duplicateID(let id): "an object with id '\(id)' already exists"
        case .versionConflict(let id, let expected): "object '\(id)' changed since version \(expected) was read"
        case .corruptDocument(let id, let reason): "stored object '\(id)' is unreadable: \(reason)"
        }
    }
}
