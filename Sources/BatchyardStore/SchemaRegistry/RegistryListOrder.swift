import Foundation

/// The sort order of a registry listing (`orderby=title,-$id`): the first key drives keyset
/// paging with `start`, the `$id` always breaks ties so pages are stable.
public struct RegistryListOrder: Sendable, Hashable {
    /// A property that listings can sort on, with the column that holds it.
    public enum Property: String, Sendable, Hashable, CaseIterable {
        /// `title`
        case title
        /// `$id`
        case id = "$id"
        /// `meta:altId`
        case altID = "meta:altId"
        /// `version` (compared as text)
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
        /// What to sort on.
        public var property: Property
        /// `-` in `orderby`.
        public var descending: Bool

        /// A key on `property`, ascending unless `descending`.
        public init(property: Property, descending: Bool) {
            self.property = property
            self.descending = descending
        }
    }

    /// At least one key; the first is the primary one.
    public var keys: [Key]

    /// An order by `keys`; none means by `$id`.
    public init(keys: [Key]) {
        self.keys = keys.isEmpty ? [Key(property: .id, descending: false)] : keys
    }

    /// The key that `start` and `_page.next` refer to.
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
        /// The property as written in `orderby`.
        public var name: String
    }
}
