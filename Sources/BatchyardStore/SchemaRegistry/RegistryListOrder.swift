import Foundation

/// The sort order of a registry listing (`orderby=title,-$id`): the first key drives keyset
/// paging with `start`, the `$id` always breaks ties so pages are stable.
public struct RegistryListOrder: Sendable, Hashable {
    /// A property that listings can sort on, with the column that holds it.
    public enum Property: String, Sendable, Hashable, CaseIterable {
        case title
        case id = "$id"
        case altID = "meta:altId"
        case version

        var column: String {
            switch self {
            case .title: "title"
            case .id: "id"
            case .altID: "alt_id"
            case .version: "version"
            }
        }
    }

    /// One sort key.
    public struct Key: Sendable, Hashable {
        public var property: Property
        public var descending: Bool

        public init(property: Property, descending: Bool) {
            self.property = property
            self.descending = descending
        }
    }

    /// At least one key; the first is the primary one.
    public var keys: [Key]

    public init(keys: [Key]) {
        self.keys = keys.isEmpty ? [Key(property: .id, descending: false)] : keys
    }

    public var primary: Key { keys[0] }

    /// Parses AEP's `orderby` (`title`, `-title`, `title,$id`); the failure names the first property
    /// that cannot be sorted on.
    public static func parse(_ text: String) -> Result<RegistryListOrder, UnsupportedProperty> {
        var keys: [Key] = []
        for part in text.split(separator: ",") {
            var name = part.trimmingCharacters(in: .whitespaces)
            var descending = false
            if name.hasPrefix("-") {
                descending = true
                name.removeFirst()
            } else if name.hasPrefix("+") {
                name.removeFirst()
            }
            guard let property = Property(rawValue: name) else { return .failure(UnsupportedProperty(name: name)) }
            keys.append(Key(property: property, descending: descending))
        }
        guard !keys.isEmpty else { return .failure(UnsupportedProperty(name: text)) }
        return .success(RegistryListOrder(keys: keys))
    }

    /// The value of the primary key in `resource`, which the next page's `start` carries.
    public func primaryValue(of resource: RegistryResource) -> String {
        switch primary.property {
        case .title: resource.title
        case .id: resource.id
        case .altID: resource.altID
        case .version: resource.version
        }
    }

    /// An `orderby` property that listings do not support.
    public struct UnsupportedProperty: Error, Sendable, Hashable {
        public var name: String
    }
}
