import BatchyardCore
import BatchyardStore
import Foundation

/// The paging parameters of a registry listing (`orderby`, `start`, `limit`) and the envelope it
/// answers with: `{"results", "_page": {"orderby", "next", "count"}, "_links": {"next", …}}`.
struct RegistryListing: Sendable {
    var order: RegistryListOrder
    /// The `orderby` text as given (echoed in `_page.orderby`).
    var orderText: String
    /// Keyset start: the primary sort value after which the page begins.
    var start: String?
    /// A hint: pages may be longer so that they never split equal primary values.
    var limit: Int

    static let defaultLimit = 500
    static let maxLimit = 500

    /// Parses the query; `start` and `limit` need `orderby` (as in AEP), anything else is refused.
    init(query: [(name: String, value: String)]) throws(RegistryProblem) {
        var orderText: String?
        var start: String?
        var limitText: String?
        for item in query {
            switch item.name {
            case "orderby": orderText = item.value
            case "start": start = item.value
            case "limit": limitText = item.value
            case "property":
                throw .badRequest("The `property` filter is not supported by Batchyard's Schema Registry; list without it.")
            default:
                throw .badRequest("Unsupported query parameter `\(item.name)`; listings take orderby, start and limit.")
            }
        }
        if orderText == nil, start != nil || limitText != nil {
            throw .badRequest("`start` and `limit` can only be used together with `orderby`.")
        }
        switch RegistryListOrder.parse(orderText ?? "$id") {
        case .success(let order): self.order = order
        case .failure(let unsupported):
            throw .badRequest(
                "Cannot order by `\(unsupported.name)`; orderby takes title, $id, meta:altId or version "
                    + "(prefix - for descending).")
        }
        self.orderText = orderText ?? "$id"
        self.start = start
        if let limitText {
            guard let limit = Int(limitText), (0...Self.maxLimit).contains(limit) else {
                throw .badRequest("`limit` must be an integer from 0 to \(Self.maxLimit); got `\(limitText)`.")
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
    }

    /// The same page rule as `SchemaRegistryStore.page`, over resources held in memory (the
    /// built-in global ones).
    func page(_ all: [RegistryResource]) -> (resources: [RegistryResource], hasMore: Bool) {
        let sorted = all.sorted { left, right in
            for key in order.keys + [RegistryListOrder.Key(property: .id, descending: false)] {
                let a = sortValue(key.property, left)
                let b = sortValue(key.property, right)
                if a != b { return key.descending ? a > b : a < b }
            }
            return false
        }
        let primary = order.primary
        let after = sorted.filter { resource in
            guard let start else { return true }
            let value = sortValue(primary.property, resource)
            return primary.descending ? value < start : value > start
        }
        guard after.count > limit else { return (after, false) }
        guard limit > 0 else { return ([], true) }
        let lastValue = sortValue(primary.property, after[limit - 1])
        let page = after.filter { resource in
            let value = sortValue(primary.property, resource)
            return primary.descending ? value >= lastValue : value <= lastValue
        }
        return (page, page.count < after.count)
    }

    private func sortValue(_ property: RegistryListOrder.Property, _ resource: RegistryResource) -> String {
        switch property {
        case .title: resource.title
        case .id: resource.id
        case .altID: resource.altID
        case .version: resource.version
        }
    }

    /// The response envelope for one page; `base` is the collection's URL (for `_links`).
    func envelope(
        _ results: [JSONValue], last: RegistryResource?, hasMore: Bool, base: String, globalSchemas: String?
    ) -> JSONValue {
        var nextValue: JSONValue = .null
        var nextLink: JSONValue = .null
        if hasMore, let last {
            let value = order.primaryValue(of: last)
            nextValue = .string(value)
            nextLink = ["href": .string("\(base)?orderby=\(Self.encode(orderText))&start=\(Self.encode(value))&limit=\(limit)")]
        }
        var links: [String: JSONValue] = ["next": nextLink]
        if let globalSchemas { links["global_schemas"] = ["href": .string(globalSchemas)] }
        return [
            "results": .array(results),
            "_page": ["orderby": .string(orderText), "next": nextValue, "count": .int(Int64(results.count))],
            "_links": .object(links),
        ]
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
