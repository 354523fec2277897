/// How to split CSV bytes into records: RFC 4180 plus the options AEP lets a batch or dataset set.
///
/// The values are as clients write them (`delimiter: ","`); ``CSVReader`` checks that each one is
/// a single byte in the charset when it starts.
public struct CSVOptions: Sendable, Hashable {
    /// Separates fields; default `,`.
    public var delimiter: Character
    /// Encloses a field that holds delimiters, quotes or line breaks; default `"`.
    public var quote: Character
    /// Inside a quoted field, makes the next quote (or escape) literal; default `\`. `nil`, or the
    /// quote itself, leaves only RFC 4180's doubled quote (`""`).
    public var escape: Character?
    /// Unquoted field values that mean null (an empty unquoted field always does).
    public var nullMarkers: [String]
    /// Whether the first record names the columns; AEP requires `true` for CSV.
    public var header: Bool
    /// How field bytes become text; default UTF-8.
    public var charset: Charset

    public init(
        delimiter: Character = ",", quote: Character = "\"", escape: Character? = "\\", nullMarkers: [String] = [],
        header: Bool = true, charset: Charset = .utf8
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.escape = escape
        self.nullMarkers = nullMarkers
        self.header = header
        self.charset = charset
    }
}
