/// What one Catalog endpoint's query string may contain: the parameter names and how each maps
/// onto the stored object. `CatalogQuery.parse` refuses anything not described here.
public struct CatalogQuerySchema: Sendable, Hashable {
    /// A filter that bounds an epoch-millisecond property, e.g. `createdAfter` → `created > value`.
    public struct RangeFilter: Sendable, Hashable {
        /// The property compared (a dotted path for nested fields, e.g. `availableDates.startDate`).
        public var property: String
        /// The side of the bound; both are exclusive, as AEP documents ("created after").
        public var bound: CatalogCondition.RangeBound

        /// A range filter on `property`.
        public init(property: String, bound: CatalogCondition.RangeBound) {
            self.property = property
            self.bound = bound
        }
    }

    /// Simple filter parameter → the property it filters (`status` → `status`, `dataSet` → `dataSetId`).
    public var simpleFilters: [String: String]
    /// Simple filter parameters whose values are wildcard patterns (`*`, `**` for a literal `*`).
    public var wildcardFilters: Set<String>
    /// Range filter parameter → property and bound (`createdAfter`, `startBefore`, ...).
    public var rangeFilters: [String: RangeFilter]
    /// Whether `tags=name:value` filters apply (datasets, batches and connections only).
    public var supportsTags: Bool
    /// Whether this is a list: `limit`, `start`, `orderBy`/`sort`, `property` and the filters are
    /// accepted. A lookup (`GET /dataSets/{id}`) accepts only `properties` and `extraParameters`.
    public var allowsListing: Bool
    /// The properties `orderBy` may name; `nil` allows any top-level property.
    public var sortableProperties: Set<String>?
    /// Parameters the endpoint handles itself (`aggregate`, `requestDataSource`); accepted and left
    /// to the caller, which reads them from the raw query items.
    public var extraParameters: Set<String>
    /// Properties that cap `limit` when requested through `properties` (datasets: `observableSchema` → 20).
    public var limitCaps: [String: Int]

    /// Describes an endpoint's query string.
    public init(
        simpleFilters: [String: String] = [:], wildcardFilters: Set<String> = ["name"],
        rangeFilters: [String: RangeFilter] = [:], supportsTags: Bool = false, allowsListing: Bool = true,
        sortableProperties: Set<String>? = nil, extraParameters: Set<String> = [], limitCaps: [String: Int] = [:]
    ) {
        self.simpleFilters = simpleFilters
        self.wildcardFilters = wildcardFilters
        self.rangeFilters = rangeFilters
        self.supportsTags = supportsTags
        self.allowsListing = allowsListing
        self.sortableProperties = sortableProperties
        self.extraParameters = extraParameters
        self.limitCaps = limitCaps
    }

    /// A single-object or multi-ID lookup: only `properties` (plus `extraParameters`).
    public static func lookup(extraParameters: Set<String> = []) -> CatalogQuerySchema {
        CatalogQuerySchema(allowsListing: false, extraParameters: extraParameters)
    }

    /// The range filters AEP documents: `createdAfter`/`createdBefore` on `created`, and for batches
    /// `startAfter`/`startBefore`/`endAfter`/`endBefore` on `availableDates.startDate`/`endDate`.
    public static func rangeFilters(created: Bool = true, availableDates: Bool = false) -> [String: RangeFilter] {
        var filters: [String: RangeFilter] = [:]
        if created {
            filters["createdAfter"] = RangeFilter(property: "created", bound: .after)
            filters["createdBefore"] = RangeFilter(property: "created", bound: .before)
        }
        if availableDates {
            filters["startAfter"] = RangeFilter(property: "availableDates.startDate", bound: .after)
            filters["startBefore"] = RangeFilter(property: "availableDates.startDate", bound: .before)
            filters["endAfter"] = RangeFilter(property: "availableDates.endDate", bound: .after)
            filters["endBefore"] = RangeFilter(property: "availableDates.endDate", bound: .before)
        }
        return filters
    }
}
