/// A parsed Catalog list (or lookup) query: paging, order, projection and filter, as typed values.
///
/// Built by `CatalogQuery(parsing:schema:)` from the decoded query items of a request. The store
/// compiles it to SQL; `apply(to:)` is the in-memory reference the SQL must agree with.
public struct CatalogQuery: Sendable, Hashable {
    /// Objects per page when the client gives no `limit` (AEP: 20).
    public static let defaultLimit = 20
    /// The largest `limit` AEP allows.
    public static let maximumLimit = 100

    /// How many objects to return, 1...100 (capped lower by `CatalogQuerySchema.limitCaps`).
    public var limit: Int
    /// Zero-based offset of the first object returned.
    public var start: Int
    /// Sort keys in precedence order; empty means the store's default (creation order).
    public var orderBy: [CatalogSortKey]
    /// The top-level properties to return, without duplicates, in request order; `nil` returns whole objects.
    public var properties: [String]?
    /// The conditions every returned object satisfies.
    public var filter: CatalogFilter

    /// A query; the defaults are those of a request with no parameters.
    public init(
        limit: Int = CatalogQuery.defaultLimit, start: Int = 0, orderBy: [CatalogSortKey] = [],
        properties: [String]? = nil, filter: CatalogFilter = CatalogFilter()
    ) {
        self.limit = limit
        self.start = start
        self.orderBy = orderBy
        self.properties = properties
        self.filter = filter
    }

    /// Parses the decoded query items of a request against what the endpoint accepts.
    ///
    /// Throws `CatalogQueryError` naming the parameter for anything unknown, repeated where it may
    /// not be, malformed or unsupported; nothing is ignored.
    public init(parsing items: [(name: String, value: String)], schema: CatalogQuerySchema) throws(CatalogQueryError) {
        var parser = CatalogQueryParser(schema: schema)
        self = try parser.parse(items)
    }

    /// `object` restricted to `properties` (unchanged when `properties` is `nil`); see `project(_:onto:)`.
    public func projected(_ object: JSONValue) -> JSONValue {
        guard let properties else { return object }
        return Self.project(object, onto: properties)
    }

    /// The `properties` projection of AEP's docs: only the listed top-level properties the object has
    /// (missing ones are omitted, none at all gives `{}`), and a listed property whose value is empty
    /// (`null`, `""`, `[]` or `{}`) is shown as `{}`.
    public static func project(_ object: JSONValue, onto properties: [String]) -> JSONValue {
        guard case .object(let members) = object else { return object }
        var projected: [String: JSONValue] = [:]
        for property in properties {
            guard let value = members[property] else { continue }
            switch value {
            case .null, .string(""), .array([]), .object([:]): projected[property] = .object([:])
            default: projected[property] = value
            }
        }
        return .object(projected)
    }

    /// Runs the whole query in memory over `objects` (in the store's default order): filter, sort,
    /// page, project. The reference semantics for the SQL compiler and a helper for small collections.
    public func apply(to objects: [(id: String, object: JSONValue)]) -> [(id: String, object: JSONValue)] {
        let evaluator = filter.evaluator()
        var selected = objects.filter { evaluator.matches($0.object) }
        if !orderBy.isEmpty {
            let indexed = selected.enumerated().map { ($0.offset, $0.element) }
            selected = indexed.sorted { left, right in
                for key in orderBy {
                    let order = CatalogValueOrder.sortOrder(
                        CatalogFilter.resolve(key.property, in: left.1.object),
                        CatalogFilter.resolve(key.property, in: right.1.object), property: key.property)
                    if order == .equal { continue }
                    return (order == .less) == (key.direction == .ascending)
                }
                return left.0 < right.0
            }.map(\.1)
        }
        let page = selected.dropFirst(start).prefix(limit)
        return page.map { (id: $0.id, object: projected($0.object)) }
    }
}
