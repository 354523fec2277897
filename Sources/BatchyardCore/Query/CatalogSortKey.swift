/// One key of `orderBy=name,desc:updated`; earlier keys take precedence, later ones break ties.
public struct CatalogSortKey: Sendable, Hashable, CustomStringConvertible {
    /// Which way a key sorts.
    public enum Direction: String, Sendable, Hashable {
        /// `asc:` (the default): smallest first; missing values first.
        case ascending = "asc"
        /// `desc:`: largest first; missing values last.
        case descending = "desc"
    }

    /// The top-level property sorted on.
    public var property: String
    /// The direction; ascending when the client gave no `asc:`/`desc:` prefix.
    public var direction: Direction

    /// A sort key.
    public init(property: String, direction: Direction = .ascending) {
        self.property = property
        self.direction = direction
    }

    /// The key in query syntax, e.g. `desc:updated`.
    public var description: String { "\(direction.rawValue):\(property)" }
}
