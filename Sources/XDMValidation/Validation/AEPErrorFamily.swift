/// The AEP ingestion error family a validation failure belongs to.
///
/// Batch ingestion reports failed rows grouped by these families (contract §3.8 and §5.2), so every
/// `ValidationError` names one; ingestion turns it into `INGEST-1401-400`, `INGEST-1555-400` or a
/// conversion-error diagnostic without re-deriving it from the rule.
public enum AEPErrorFamily: String, Sendable, Hashable, CaseIterable {
    /// `1401`: the row has data that cannot be read as the schema says (unknown fields, constraint
    /// violations such as `enum` or `pattern`, a record that is not a JSON object).
    case corruptRow = "1401"
    /// `1555`: a required field is missing or null.
    case missingRequired = "1555"
    /// A value that cannot be converted to its target XDM type (AEP's `TypeCompatibilityException`).
    case typeCompatibility = "TypeCompatibilityException"

    /// The batch-level error code AEP uses for this family, e.g. `INGEST-1555-400`.
    ///
    /// Conversion failures are counted under 1401 in the batch summary because AEP documents no
    /// separate `INGEST-` code for them; their row diagnostics still say `TypeCompatibilityException`.
    public var ingestCode: String {
        switch self {
        case .corruptRow, .typeCompatibility: return "INGEST-1401-400"
        case .missingRequired: return "INGEST-1555-400"
        }
    }
}
