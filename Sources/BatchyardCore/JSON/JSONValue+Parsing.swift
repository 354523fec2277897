extension JSONValue {
    /// How deeply arrays and objects may nest before parsing fails; generous for real documents,
    /// small enough that recursion cannot exhaust a thread's stack.
    public static let defaultMaxParseDepth = 512

    /// Parses one strict RFC 8259 JSON document from UTF-8 bytes.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice<UInt8>`, `UnsafeBufferPointer<UInt8>`) are read in
    /// place, so parsing one line of a larger buffer copies nothing. Integers that fit `Int64` become
    /// `.int`, every other number `.double`; duplicate object keys keep the last value.
    /// Error offsets are relative to the first byte of `bytes`.
    public init(
        parsing bytes: some Collection<UInt8>, maxDepth: Int = JSONValue.defaultMaxParseDepth
    ) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in
                try JSONValue(parsing: UnsafeRawBufferPointer(buffer), maxDepth: maxDepth)
            }
        }
        if let result {
            self = try result.get()
        } else {
            let copy = Array(bytes)
            self = try JSONValue(parsing: copy, maxDepth: maxDepth)
        }
    }

    /// Parses one strict RFC 8259 JSON document from a string.
    public init(parsing string: String, maxDepth: Int = JSONValue.defaultMaxParseDepth) throws(JSONParseError) {
        var string = string
        let result = string.withUTF8 { buffer in
            Result { () throws(JSONParseError) in
                try JSONValue(parsing: UnsafeRawBufferPointer(buffer), maxDepth: maxDepth)
            }
        }
        self = try result.get()
    }

    /// Parses one strict RFC 8259 JSON document from borrowed memory, for readers that own a buffer
    /// (JSON Lines, request bodies) and want no copy at all.
    public init(
        parsing buffer: UnsafeRawBufferPointer, maxDepth: Int = JSONValue.defaultMaxParseDepth
    ) throws(JSONParseError) {
        var parser = JSONParser(bytes: buffer, maxDepth: maxDepth, builder: JSONValueBuilder())
        self = try parser.parseDocument()
    }

    /// Parses the first JSON value at or after `offset` (skipping whitespace) and tells where it ends,
    /// without requiring the rest of the buffer to be empty.
    ///
    /// This is for inputs holding several concatenated values (`{...}{...}` or `{...}\n{...}`): call it
    /// repeatedly with the returned `end` until `nextValueOffset` says nothing is left.
    public static func parsePrefix(
        of buffer: UnsafeRawBufferPointer, from offset: Int = 0, maxDepth: Int = JSONValue.defaultMaxParseDepth
    ) throws(JSONParseError) -> (value: JSONValue, end: Int) {
        var parser = JSONParser(bytes: buffer, startIndex: offset, maxDepth: maxDepth, builder: JSONValueBuilder())
        let value = try parser.parsePrefix()
        return (value, parser.index)
    }

    /// The offset of the next non-whitespace byte at or after `offset`, or `nil` when only JSON
    /// whitespace remains; the companion of `parsePrefix(of:from:maxDepth:)`.
    public static func nextValueOffset(in buffer: UnsafeRawBufferPointer, from offset: Int) -> Int? {
        var parser = JSONParser(bytes: buffer, startIndex: offset, maxDepth: 0, builder: JSONValueBuilder())
        parser.skipWhitespace()
        return parser.index < buffer.count ? parser.index : nil
    }
}
