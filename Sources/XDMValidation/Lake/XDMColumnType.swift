/// How a field is stored in the lake: the Parquet type contract §5.4 gives for each XDM type.
///
/// XDMValidation does not depend on the Parquet module; the lake writer maps each case to its
/// Parquet schema element (noted per case). Deriving every file's schema from the dataset's XDM
/// schema, not from the records in a batch, is what keeps all files of a dataset on one schema.
public indirect enum XDMColumnType: Sendable, Hashable {
    /// BYTE_ARRAY, logical type STRING (UTF8).
    case string
    /// DOUBLE.
    case double
    /// INT32 with logical type INT(8, signed).
    case int8
    /// INT32 with logical type INT(16, signed).
    case int16
    /// INT32 (INT(32, signed)).
    case int32
    /// INT64.
    case int64
    /// BOOLEAN.
    case boolean
    /// INT32, logical type DATE: days since 1970-01-01 (`XDMDate.epochDays(from:)` converts the
    /// coerced record's `"YYYY-MM-DD"`).
    case date
    /// INT64, logical type TIMESTAMP(MILLIS, isAdjustedToUTC: true): the coerced record's epoch
    /// milliseconds as they are.
    case timestampMillis
    /// A group of named columns, sorted by name.
    case group([XDMColumn])
    /// LIST of elements.
    case list(XDMColumnType)
    /// MAP with STRING keys.
    case map(values: XDMColumnType)
}
