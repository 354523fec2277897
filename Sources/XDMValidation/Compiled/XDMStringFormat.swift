/// The string `format`s XDM uses that validation checks.
///
/// `date` and `date-time` are not here: they change the field's type (`XDMFieldType.date`,
/// `.dateTime`). Formats Batchyard does not know are annotations, as JSON Schema specifies, and
/// compile to `nil`.
public enum XDMStringFormat: String, Sendable, Hashable, CaseIterable {
    /// An absolute URI (RFC 3986: scheme, then no whitespace or control characters).
    case uri
    /// A URI or relative reference: no whitespace or control characters.
    case uriReference = "uri-reference"
    /// An address `local@domain` with a dotted or single-label domain.
    case email
}
