import BatchyardCore
import SQLKit

/// The statements that SQLite and PostgreSQL spell differently, in one place.
///
/// JSON documents are TEXT read with `json_extract`/`json_type` in SQLite and JSONB read with
/// `#>`/`#>>`/`jsonb_typeof` in PostgreSQL; SQLite's `LIKE` ignores case, so wildcards use `GLOB`
/// there and `LIKE` in PostgreSQL; regexes are `REGEXP` (our function) or `~`.
struct SQLDialectSyntax: Sendable {
    let dialect: StoreDialect

    /// The JSON type of the value at `path` ('integer', 'real', 'text', 'true', 'false', 'null',
    /// 'object', 'array'), SQL NULL when absent. PostgreSQL's names are mapped onto SQLite's.
    func jsonType(_ path: [String]) -> SQLQueryString {
        switch dialect {
        case .sqlite:
            return "json_type(doc, \(bind: sqlitePath(path)))"
        case .postgres:
            return """
                (CASE jsonb_typeof(doc #> \(bind: path)) WHEN 'number' THEN \
                (CASE WHEN (doc #>> \(bind: path)) ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END) \
                WHEN 'string' THEN 'text' WHEN 'boolean' THEN (doc #>> \(bind: path)) ELSE jsonb_typeof(doc #> \(bind: path)) END)
                """
        }
    }

    /// The value at `path` as text (strings unquoted).
    func jsonText(_ path: [String]) -> SQLQueryString {
        switch dialect {
        case .sqlite: "json_extract(doc, \(bind: sqlitePath(path)))"
        case .postgres: "(doc #>> \(bind: path))"
        }
    }

    /// The value at `path` as a number (only meaningful where `jsonType` is integer or real).
    ///
    /// PostgreSQL may evaluate the conjuncts of a WHERE in any order, so the cast is guarded by a
    /// CASE (whose order is fixed) rather than by the `jsonType` test next to it.
    func jsonNumber(_ path: [String]) -> SQLQueryString {
        switch dialect {
        case .sqlite: "json_extract(doc, \(bind: sqlitePath(path)))"
        case .postgres:
            "(CASE WHEN jsonb_typeof(doc #> \(bind: path)) = 'number' THEN CAST(doc #>> \(bind: path) AS DOUBLE PRECISION) END)"
        }
    }

    /// `ORDER BY` key(s) for the document value at `path`. PostgreSQL's text view would sort
    /// numbers as text, so it sorts like the reference (`CatalogValueOrder.sortOrder`): missing
    /// and null, numbers, strings, booleans, then objects and arrays.
    func jsonOrder(_ path: [String], descending: Bool) -> SQLQueryString {
        let direction: SQLQueryString = descending ? " DESC" : " ASC"
        switch dialect {
        case .sqlite:
            return "json_extract(doc, \(bind: sqlitePath(path)))\(direction)"
        case .postgres:
            return """
                (CASE jsonb_typeof(doc #> \(bind: path)) WHEN 'number' THEN 1 WHEN 'string' THEN 2 WHEN 'boolean' THEN 3 \
                WHEN 'object' THEN 4 WHEN 'array' THEN 4 ELSE 0 END)\(direction), \(jsonNumber(path))\(direction), \
                (CASE WHEN jsonb_typeof(doc #> \(bind: path)) IN ('string', 'boolean') THEN doc #>> \(bind: path) END)\(direction)
                """
        }
    }

    /// `ORDER BY` key for an indexed column: SQL NULL (a missing property) first ascending and
    /// last descending, as in SQLite and the reference; PostgreSQL's default is the opposite.
    func columnOrder(_ column: String, descending: Bool) -> SQLQueryString {
        switch (dialect, descending) {
        case (.sqlite, false): "\(ident: column) ASC"
        case (.sqlite, true): "\(ident: column) DESC"
        case (.postgres, false): "\(ident: column) ASC NULLS FIRST"
        case (.postgres, true): "\(ident: column) DESC NULLS LAST"
        }
    }

    /// `subject` matches `pattern` anywhere (unanchored) as a regular expression.
    func regexMatch(_ subject: SQLQueryString, pattern: String) -> SQLQueryString {
        switch dialect {
        case .sqlite: "\(subject) REGEXP \(bind: pattern)"
        case .postgres: "\(subject) ~ \(bind: pattern)"
        }
    }

    /// `subject` matches a Catalog wildcard pattern, case-sensitively.
    func wildcardMatch(_ subject: SQLQueryString, pattern: CatalogWildcardPattern) -> SQLQueryString {
        switch dialect {
        case .sqlite: "\(subject) GLOB \(bind: pattern.sqliteGlobPattern)"
        case .postgres: "\(subject) LIKE \(bind: pattern.sqlLikePattern(escape: "\\")) ESCAPE '\\'"
        }
    }

    /// A JSON document (serialized) as the value of a `doc` column: TEXT in SQLite, JSONB in PostgreSQL.
    func jsonDocument(_ serialized: String) -> SQLQueryString {
        switch dialect {
        case .sqlite: "\(bind: serialized)"
        case .postgres: "CAST(\(bind: serialized) AS JSONB)"
        }
    }

    /// SQLite JSON path with every key quoted, so keys with dots or spaces stay one key.
    private func sqlitePath(_ path: [String]) -> String {
        "$" + path.map { key in ".\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined()
    }
}
