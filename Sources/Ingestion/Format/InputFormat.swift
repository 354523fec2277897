import BatchyardCore

/// How to read a batch's files: the format and its options, resolved from the batch's
/// `inputFormat` first, then the dataset's `fileDescription`, then defaults.
///
/// Field names are AEP's: `inputFormat` has `format`, `isMultiLineJson`, `delimiter`, `quote`,
/// `escape`, `nullMarker`, `header`, `charset`; `fileDescription` has the plural arrays
/// `delimiters`, `quotes`, `escapes`, `nullMarkers` plus `header` and `charset`. The dataset's
/// `fileDescription.format` describes the mastered file, not the input, so it is not used.
public struct InputFormat: Sendable, Hashable {
    /// The file formats a batch can declare; names match case-insensitively (`JSON` = `json`).
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case json, csv, parquet, avro
    }

    /// The format of the uploaded files; AEP defaults to Parquet when a batch does not say.
    public var format: Format
    /// For JSON: one top-level array or concatenated objects instead of JSON Lines.
    public var isMultiLineJson: Bool
    /// For CSV: how to split records.
    public var csv: CSVOptions

    public init(format: Format, isMultiLineJson: Bool = false, csv: CSVOptions = CSVOptions()) {
        self.format = format
        self.isMultiLineJson = isMultiLineJson
        self.csv = csv
    }

    /// Resolves the options of a batch from its `inputFormat` and its dataset's `fileDescription`.
    ///
    /// - Throws: ``InputFormatError`` naming the offending field when a value has the wrong type,
    ///   names an unknown format or charset, or is not a single character where one is required.
    public init(inputFormat: JSONValue?, fileDescription: JSONValue? = nil) throws(InputFormatError) {
        let batch = try Self.object(inputFormat, "inputFormat")
        let dataset = try Self.object(fileDescription, "fileDescription")

        if let name = try Self.string(batch["format"], "inputFormat.format") {
            guard let format = Format(rawValue: name.lowercased()) else {
                let known = Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputFormatError(.unknownFormat, "inputFormat.format '\(name)' is not supported; use one of \(known).")
            }
            self.format = format
        } else {
            self.format = .parquet
        }
        self.isMultiLineJson = try Self.bool(batch["isMultiLineJson"], "inputFormat.isMultiLineJson") ?? false

        var csv = CSVOptions()
        var charsetName = try Self.string(batch["charset"], "inputFormat.charset")
        if charsetName == nil { charsetName = try Self.string(dataset["charset"], "fileDescription.charset") }
        if let charsetName {
            guard let charset = Charset(name: charsetName) else {
                let known = Charset.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputFormatError(.invalidOption, "charset '\(charsetName)' is not supported; use one of \(known).")
            }
            csv.charset = charset
        }
        if let value = try Self.option(batch, "delimiter", dataset, "delimiters") {
            csv.delimiter = try Self.character(value, "delimiter", allowEmpty: false)!
        }
        if let value = try Self.option(batch, "quote", dataset, "quotes") {
            csv.quote = try Self.character(value, "quote", allowEmpty: false)!
        }
        if let value = try Self.option(batch, "escape", dataset, "escapes") {
            csv.escape = try Self.character(value, "escape", allowEmpty: true)
        }
        if let marker = try Self.string(batch["nullMarker"], "inputFormat.nullMarker") {
            csv.nullMarkers = [marker]
        } else if let markers = try Self.strings(dataset["nullMarkers"], "fileDescription.nullMarkers") {
            csv.nullMarkers = markers
        }
        if let header = try Self.bool(batch["header"], "inputFormat.header") {
            csv.header = header
        } else if let header = try Self.bool(dataset["header"], "fileDescription.header") {
            csv.header = header
        }
        self.csv = csv
        if format == .csv { try validateCSV() }
    }

    /// Checks the CSV options against each other and the charset, as ``CSVReader`` will need them.
    public func validateCSV() throws(InputFormatError) {
        guard csv.header else {
            throw InputFormatError(.headerRequired, "CSV input needs a header row: set header to true.")
        }
        _ = try CSVReader.Syntax(options: csv)
    }

    // MARK: Reading JSON fields

    private static func object(_ value: JSONValue?, _ name: String) throws(InputFormatError) -> JSONValue {
        switch value {
        case nil, .null?: return [:]
        case .object?: return value!
        default: throw InputFormatError(.invalidOption, "\(name) must be an object.")
        }
    }

    private static func string(_ value: JSONValue?, _ name: String) throws(InputFormatError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let string)?: return string
        default: throw InputFormatError(.invalidOption, "\(name) must be a string.")
        }
    }

    private static func strings(_ value: JSONValue?, _ name: String) throws(InputFormatError) -> [String]? {
        switch value {
        case nil, .null?: return nil
        case .string(let string)?: return [string]
        case .array(let elements)?:
            var strings: [String] = []
            for element in elements {
                guard case .string(let string) = element else {
                    throw InputFormatError(.invalidOption, "\(name) must be an array of strings.")
                }
                strings.append(string)
            }
            return strings
        default: throw InputFormatError(.invalidOption, "\(name) must be an array of strings.")
        }
    }

    /// Booleans arrive as JSON booleans or, in Catalog's `inputFormat.header`, as `"true"`.
    private static func bool(_ value: JSONValue?, _ name: String) throws(InputFormatError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let bool)?: return bool
        case .string(let string)? where string.lowercased() == "true": return true
        case .string(let string)? where string.lowercased() == "false": return false
        default: throw InputFormatError(.invalidOption, "\(name) must be true or false.")
        }
    }

    /// The batch's singular option, else the first element of the dataset's plural array.
    private static func option(
        _ batch: JSONValue, _ key: String, _ dataset: JSONValue, _ datasetKey: String
    ) throws(InputFormatError) -> String? {
        if let value = try string(batch[key], "inputFormat.\(key)") { return value }
        return try strings(dataset[datasetKey], "fileDescription.\(datasetKey)")?.first
    }

    private static func character(_ text: String, _ name: String, allowEmpty: Bool) throws(InputFormatError) -> Character? {
        if text.isEmpty && allowEmpty { return nil }
        guard text.count == 1, let character = text.first else {
            throw InputFormatError(.invalidOption, "\(name) must be a single character, not '\(text)'.")
        }
        return character
    }
}
