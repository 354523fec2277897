/// The character sets AEP accepts for CSV input (`charset` in `inputFormat` and `fileDescription`).
///
/// JSON is always UTF-8 (RFC 8259), so only the CSV reader decodes through this type.
public enum Charset: String, Sendable, Hashable, CaseIterable {
    case utf8 = "UTF-8"
    case usASCII = "US-ASCII"
    case iso88591 = "ISO-8859-1"

    /// Parses a charset name case-insensitively; an empty name means the default, UTF-8, as AEP's
    /// enum allows `""`. Common aliases (`utf8`, `ascii`, `latin1`) are accepted too.
    public init?(name: String) {
        switch name.lowercased() {
        case "", "utf-8", "utf8": self = .utf8
        case "us-ascii", "ascii": self = .usASCII
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1": self = .iso88591
        default: return nil
        }
    }

    /// The single byte that encodes `character` in this charset, or `nil` if it takes more than one
    /// byte (or none); CSV delimiters, quotes and escapes must be single bytes.
    public func singleByte(for character: Character) -> UInt8? {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let value = scalars.first?.value else { return nil }
        switch self {
        case .utf8, .usASCII: return value < 0x80 ? UInt8(value) : nil
        case .iso88591: return value < 0x100 ? UInt8(value) : nil
        }
    }

    /// Decodes `bytes` strictly: `nil` when they are not valid in this charset.
    public func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        switch self {
        case .utf8:
            // ASCII needs no validation, and most CSV fields are ASCII; the validating
            // initializer is several times slower.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return String(validating: bytes, as: UTF8.self)
        case .usASCII:
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        case .iso88591:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
            return String(scalars)
        }
    }

    /// Decodes `bytes` for display in diagnostics, never failing: invalid sequences become U+FFFD.
    public func decodeLeniently(_ bytes: UnsafeRawBufferPointer) -> String {
        if self == .iso88591, let text = decode(bytes) { return text }
        return String(decoding: bytes, as: UTF8.self)
    }
}
