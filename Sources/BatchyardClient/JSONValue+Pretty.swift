import BatchyardCore

extension JSONValue {
    /// Indented JSON (two spaces, keys sorted) for people reading `get` output; scalars and empty
    /// containers are written as the compact serializer does.
    public func prettyPrinted(indent: String = "") -> String {
        switch self {
        case .array(let items) where !items.isEmpty:
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.prettyPrinted(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members) where !members.isEmpty:
            let inner = indent + "  "
            let lines = members.keys.sorted().map { key in
                inner + JSONValue.string(key).serialized() + ": " + members[key]!.prettyPrinted(indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return serialized()
        }
    }
}
