/// The batch's input format for `ingest`: `--format`, else what the files' extensions say
/// (`.json`, `.jsonl`, `.ndjson` → json; `.csv`; `.parquet`), which must agree, since a batch has
/// one format.
public enum IngestFormat {
    /// The formats a batch takes.
    public static let known: Set<String> = ["json", "csv", "parquet"]

    /// The format of `paths`, or a usage error naming the problem.
    public static func resolve(explicit: String?, paths: [String]) throws(ClientError) -> String {
        if let explicit {
            let lowered = explicit.lowercased()
            guard known.contains(lowered) else {
                throw ClientError(.usage, "--format must be json, csv or parquet, not '\(explicit)'.")
            }
            return lowered
        }
        var seen: [String: String] = [:]
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
            let format: String
            switch ext {
            case "json", "jsonl", "ndjson": format = "json"
            case "csv": format = "csv"
            case "parquet": format = "parquet"
            default:
                throw ClientError(.usage, "Cannot tell the format of \(name) from its extension; give --format json, csv or parquet.")
            }
            seen[format] = name
        }
        guard seen.count <= 1 else {
            let names = seen.keys.sorted().map { "\(seen[$0]!) is \($0)" }.joined(separator: ", ")
            throw ClientError(.usage, "A batch has one format, but \(names); ingest them separately or give --format.")
        }
        return seen.keys.first ?? "json"
    }
}
