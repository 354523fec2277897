extension CSVReader {
    /// The option characters as the bytes the scanner compares against, checked once up front.
    public struct Syntax: Sendable, Hashable {
        /// Separates fields.
        public let delimiter: UInt8
        /// Encloses fields.
        public let quote: UInt8
        /// Escapes a quote inside a quoted field; `nil` when only doubled quotes do.
        public let escape: UInt8?

        /// Checks `options`: each character must be one byte in the charset, none may be a line
        /// break, and the delimiter must differ from the quote and the escape.
        public init(options: CSVOptions) throws(InputFormatError) {
            let charset = options.charset
            func byte(_ character: Character, _ name: String) throws(InputFormatError) -> UInt8 {
                guard let byte = charset.singleByte(for: character), byte != 0x0A, byte != 0x0D else {
                    throw InputFormatError(
                        .invalidOption,
                        "CSV \(name) '\(character)' must be a single \(charset.rawValue) character other than a line break.")
                }
                return byte
            }
            delimiter = try byte(options.delimiter, "delimiter")
            quote = try byte(options.quote, "quote")
            guard quote != delimiter else {
                throw InputFormatError(.invalidOption, "CSV quote and delimiter must differ; both are '\(options.delimiter)'.")
            }
            if let character = options.escape {
                let escape = try byte(character, "escape")
                guard escape != delimiter else {
                    throw InputFormatError(.invalidOption, "CSV escape and delimiter must differ; both are '\(character)'.")
                }
                self.escape = escape == quote ? nil : escape
            } else {
                escape = nil
            }
        }
    }
}
