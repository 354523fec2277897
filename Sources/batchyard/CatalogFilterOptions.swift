import ArgumentParser
import BatchyardClient
import BatchyardCore
import Foundation

/// The Catalog query language as options for `datasets list` and `batches list`; each becomes
/// the query parameter of the same meaning, so the server checks them (an unsupported filter
/// answers 400 naming it, never silently ignored).
struct CatalogFilterOptions: ParsableArguments {
    @Option(help: "How many to show (1-100; server default 20).") var limit: Int?
    @Option(help: "Skip this many (paging).") var start: Int?
    @Option(name: .customLong("order-by"), help: "Sort, e.g. desc:created or name,desc:updated.") var orderBy: String?
    @Option(help: "Only these properties, comma-separated.") var properties: String?
    @Option(name: .customLong("created-after"), help: "Created after this epoch millisecond.") var createdAfter: Int64?
    @Option(name: .customLong("created-before"), help: "Created before this epoch millisecond.") var createdBefore: Int64?
    @Option(help: "A property condition such as name~^Loyalty or size>=1000 (repeatable).") var property: [String] = []
    @Option(help: "Any other simple filter as NAME=VALUE, e.g. tags=team:core (repeatable).") var filter: [String] = []

    /// The query parameters, plus `extra` (the command's own filters such as `status`).
    func query(_ extra: [(String, String)] = []) throws -> [(String, String)] {
        var items = extra
        if let limit { items.append(("limit", String(limit))) }
        if let start { items.append(("start", String(start))) }
        if let orderBy { items.append(("orderBy", orderBy)) }
        if let properties { items.append(("properties", properties)) }
        if let createdAfter { items.append(("createdAfter", String(createdAfter))) }
        if let createdBefore { items.append(("createdBefore", String(createdBefore))) }
        for condition in property { items.append(("property", condition)) }
        for pair in filter {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--filter takes NAME=VALUE, not '\(pair)'")
            }
            items.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
        }
        return items
    }
}
