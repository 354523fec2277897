/// The code of one problem with one row, as written in a row-error file's `_errors[].code`.
///
/// Open-ended (a string) because the validator may report codes beyond the documented ones; the
/// documented ones have constants and AEP's own wording.
public struct RowErrorCode: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    /// The code as written in the file: `1401`, `1555`, `TypeCompatibilityException`, …
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The row cannot be read or parsed at all.
    public static let corruptRow: RowErrorCode = "1401"
    /// A required field is missing or null.
    public static let requiredFieldMissing: RowErrorCode = "1555"
    /// A value cannot be converted to its field's XDM type.
    public static let typeCompatibility: RowErrorCode = "TypeCompatibilityException"

    /// The message AEP writes next to the code in a row-error file.
    public var rowMessage: String {
        switch self {
        case .corruptRow: return "Row is corrupted and cannot be read, please fix and resend."
        case .requiredFieldMissing: return "A required field is either missing or has a value of null."
        case .typeCompatibility: return "A value cannot be converted to the type of its field in the schema."
        default: return "The row failed validation with error \(rawValue)."
        }
    }

    /// The code under which rows with this error are counted in the batch's `errors`: numeric codes
    /// take AEP's `INGEST-{code}-400` form (`INGEST-1401-400`), named ones stay as they are.
    public var batchCode: String {
        rawValue.allSatisfy(\.isNumber) && !rawValue.isEmpty ? "INGEST-\(rawValue)-400" : rawValue
    }

    /// The description of that batch-level entry, verbatim from AEP for the documented codes.
    public var batchDescription: String {
        switch self {
        case .corruptRow:
            return "The row has corrupted data and cannot be read or parsed. Fix the corrupted data and try again."
        case .requiredFieldMissing:
            return "A required field is either missing or has a value of null. "
                + "Add the required field to the input row and try again."
        case .typeCompatibility:
            return "A value cannot be converted to the type its field has in the dataset's schema. Fix the value and try again."
        default:
            return "Rows failed validation with error \(rawValue). Review the associated diagnostic files for details."
        }
    }
}

extension RowErrorCode: CustomStringConvertible {
    public var description: String { rawValue }
}
