import Testing
@testable import BatchyardCore

@Suite("JSON parse errors")
struct JSONParseErrorTests {
    /// Parses `text`, which must fail, and returns the error.
    private func failure(_ text: String) throws -> JSONParseError {
        try #require(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    private func failure(_ bytes: [UInt8]) throws -> JSONParseError {
        try #require(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
    }

    @Test(
        "each malformed input fails with its code and offset",
        arguments: [
            ("", JSONParseError.Code.emptyInput, 0),
            ("   \n", .emptyInput, 4),
            ("[1,2", .unexpectedEndOfInput, 4),
            ("{\"a\"", .unexpectedEndOfInput, 4),
            ("{\"a\":", .unexpectedEndOfInput, 5),
            ("\"abc", .unexpectedEndOfInput, 4),
            ("\"ab\\", .unexpectedEndOfInput, 4),
            ("tru", .unexpectedEndOfInput, 3),
            ("[1,]", .unexpectedCharacter, 3),
            ("[1 2]", .unexpectedCharacter, 3),
            ("{\"a\" 1}", .unexpectedCharacter, 5),
            ("{a:1}", .unexpectedCharacter, 1),
            ("{'a':1}", .unexpectedCharacter, 1),
            ("{\"a\":1,}", .unexpectedCharacter, 7),
            ("{\"a\":1 \"b\":2}", .unexpectedCharacter, 7),
            ("NaN", .unexpectedCharacter, 0),
            ("Infinity", .unexpectedCharacter, 0),
            ("-Infinity", .invalidNumber, 0),
            ("nul", .unexpectedEndOfInput, 3),
            ("nulL", .unexpectedCharacter, 0),
            ("trUe", .unexpectedCharacter, 0),
            ("+1", .unexpectedCharacter, 0),
            (".5", .unexpectedCharacter, 0),
            ("01", .invalidNumber, 0),
            ("-01", .invalidNumber, 0),
            ("00", .invalidNumber, 0),
            ("-", .invalidNumber, 0),
            ("1.", .invalidNumber, 0),
            ("1.e5", .invalidNumber, 0),
            ("1e", .invalidNumber, 0),
            ("1e+", .invalidNumber, 0),
            ("[0x10]", .unexpectedCharacter, 2),
            ("1e400", .numberOutOfRange, 0),
            ("-1e400", .numberOutOfRange, 0),
            ("\"\\x\"", .invalidEscape, 1),
            ("\"\\'\"", .invalidEscape, 1),
            ("\"\\u12G4\"", .invalidEscape, 1),
            ("\"\\ud800\"", .invalidUnicodeEscape, 1),
            ("\"\\ud800\\u0041\"", .invalidUnicodeEscape, 1),
            ("\"\\udc00\"", .invalidUnicodeEscape, 1),
            ("\"a\nb\"", .controlCharacterInString, 2),
            ("\"a\tb\"", .controlCharacterInString, 2),
            ("\"\\n\u{1}\"", .controlCharacterInString, 3),
            ("1 2", .trailingCharacters, 2),
            ("{} x", .trailingCharacters, 3),
            ("[]]", .trailingCharacters, 2),
            ("\u{FEFF}{}", .unexpectedCharacter, 0),
        ])
    func malformed(input: String, code: JSONParseError.Code, offset: Int) throws {
        let error = try failure(input)
        #expect(error.code == code, "\(input.debugDescription): \(error)")
        #expect(error.offset == offset, "\(input.debugDescription): \(error)")
        #expect(!error.message.isEmpty)
    }

    @Test("invalid UTF-8 in strings is refused, escaped or not")
    func invalidUTF8() throws {
        #expect(try failure([0x22, 0xC3, 0x28, 0x22]).code == .invalidUTF8)
        #expect(try failure([0x22, 0x5C, 0x6E, 0xFF, 0x22]).code == .invalidUTF8)
        #expect(try failure([0x22, 0xED, 0xA0, 0x80, 0x22]).code == .invalidUTF8)  // encoded surrogate
        #expect(try failure([0x22, 0xC0, 0xAF, 0x22]).code == .invalidUTF8)  // overlong
    }

    @Test("description names the offset and the problem")
    func description() throws {
        let error = try failure("{\"a\" 1}")
        #expect(error.description == "Invalid JSON at byte 5: unexpected character '1'; expected ':' after an object key.")
        let control = try failure("\"a\u{1}\"")
        #expect(control.description.contains("byte 0x01"))
    }
}
