import BatchyardCore

/// Reads CSV (RFC 4180 with AEP's options) into flat records keyed by the header's column names.
///
/// Rules, where RFC 4180 and AEP leave room:
/// - Records end at LF, CRLF or a lone CR; quoted fields may hold any of them.
/// - Inside quotes a doubled quote is one quote; so is escape + quote, and escape + escape is one
///   escape (escape + anything else is kept as both characters). Quotes inside an unquoted field
///   are ordinary characters. Text between a closing quote and the next delimiter is a row error.
/// - An empty unquoted field, or an unquoted field equal to a null marker, is `null`; a quoted
///   field is always a string (so `""` is the empty string). All other values stay strings.
/// - Empty lines after the header are skipped. A row whose field count differs from the header's
///   is a row error (1401), as is a field that is not valid in the charset.
/// - A UTF-8 byte order mark at the start is skipped.
/// - A file with no bytes fails with 106; an empty header row (or an empty column name) with 118.
public struct CSVReader: RecordReader {
    /// The options the reader was made with.
    public let options: CSVOptions
    /// The uploaded file, named in row errors.
    public let fileName: String
    /// The largest record accepted before the file is refused as unreadable.
    public let maxRecordBytes: Int
    /// The column names, once the header row has been read.
    public private(set) var header: [String]?

    private let syntax: Syntax
    private let nullMarkers: Set<String>

    private enum State { case fieldStart, unquoted, quoted, quotedEscape, quotedQuote }
    private var state = State.fieldStart
    private var skipLineFeed = false
    /// The current record's field values, unescaped and concatenated; `fieldEnds` splits them.
    private var content: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var fieldQuoted: [Bool] = []
    private var currentQuoted = false
    /// The current record's raw bytes from earlier chunks, kept for diagnostics.
    private var rawCarry: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    private var problem: String?
    private var bomCheck: [UInt8]? = []
    private var sawBytes = false

    /// Creates a reader for one file.
    ///
    /// - Throws: ``InputFormatError`` when the options are unusable (see ``Syntax``) or the header
    ///   is switched off, which AEP does not allow for CSV.
    public init(options: CSVOptions = CSVOptions(), fileName: String, maxRecordBytes: Int = defaultMaxRecordBytes)
        throws(InputFormatError)
    {
        guard options.header else {
            throw InputFormatError(.headerRequired, "CSV input needs a header row: set header to true.")
        }
        self.syntax = try Syntax(options: options)
        self.options = options
        self.fileName = fileName
        self.maxRecordBytes = maxRecordBytes
        self.nullMarkers = Set(options.nullMarkers)
    }

    public mutating func read(_ chunk: UnsafeRawBufferPointer, emit: (ReadItem) -> Void) throws(IngestionFileError) {
        guard var pending = bomCheck else { return try scan(chunk, emit) }
        let take = min(3 - pending.count, chunk.count)
        pending.append(contentsOf: chunk[0..<take])
        guard pending.count == 3 else {
            bomCheck = pending
            return
        }
        try releaseBOMCheck(pending, emit)
        try scan(UnsafeRawBufferPointer(rebasing: chunk[take...]), emit)
    }

    public mutating func finish(emit: (ReadItem) -> Void) throws(IngestionFileError) {
        if let pending = bomCheck { try releaseBOMCheck(pending, emit) }
        guard sawBytes else { throw IngestionFileError(.emptyFile, file: fileName) }
        if state == .quoted || state == .quotedEscape {
            problem = problem ?? "The file ends inside a quoted field."
        }
        if state != .fieldStart || !fieldEnds.isEmpty {
            try endRecord(rawTail: UnsafeRawBufferPointer(start: nil, count: 0), emit)
        }
        if header == nil { throw IngestionFileError(.emptyCSVHeader, file: fileName) }
    }

    private mutating func releaseBOMCheck(_ pending: [UInt8], _ emit: (ReadItem) -> Void) throws(IngestionFileError) {
        bomCheck = nil
        let skip = options.charset == .utf8 && pending.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        try pending.withBytes { (bytes) throws(IngestionFileError) in
            try scan(UnsafeRawBufferPointer(rebasing: bytes[skip...]), emit)
        }
    }

    private mutating func scan(_ chunk: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) throws(IngestionFileError) {
        guard !chunk.isEmpty else { return }
        sawBytes = true
        let delimiter = syntax.delimiter, quote = syntax.quote, escape = syntax.escape
        var recordStart = 0
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            if skipLineFeed {
                skipLineFeed = false
                if byte == 0x0A {
                    index += 1
                    recordStart = index
                    continue
                }
            }
            switch state {
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    endField()
                } else if byte == 0x0A || byte == 0x0D {
                    try endRecord(rawTail: UnsafeRawBufferPointer(rebasing: chunk[recordStart..<index]), emit)
                    line += 1
                    recordLine = line
                    skipLineFeed = byte == 0x0D
                    recordStart = index + 1
                } else if state == .fieldStart && byte == quote {
                    currentQuoted = true
                    state = .quoted
                } else {
                    // Copy the rest of the unquoted run at once instead of byte by byte.
                    var end = index + 1
                    while end < chunk.count {
                        let next = chunk[end]
                        if next == delimiter || next == 0x0A || next == 0x0D { break }
                        end += 1
                    }
                    content.append(contentsOf: chunk[index..<end])
                    state = .unquoted
                    index = end
                    continue
                }
            case .quoted:
                if byte == quote {
                    state = .quotedQuote
                } else if byte == escape {
                    state = .quotedEscape
                } else {
                    var end = index
                    while end < chunk.count {
                        let next = chunk[end]
                        if next == quote || next == escape { break }
                        if next == 0x0A { line += 1 }
                        end += 1
                    }
                    content.append(contentsOf: chunk[index..<end])
                    index = end
                    continue
                }
            case .quotedEscape:
                if byte != quote && byte != escape {
                    content.append(escape!)
                    if byte == 0x0A { line += 1 }
                }
                content.append(byte)
                state = .quoted
            case .quotedQuote:
                if byte == quote {
                    content.append(quote)
                    state = .quoted
                } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                    state = .unquoted
                    continue  // handled as the end of the field or record
                } else {
                    problem = problem ?? "Column \(fieldEnds.count + 1) has text after its closing quote."
                    content.append(byte)
                    state = .unquoted
                }
            }
            index += 1
        }
        rawCarry.append(contentsOf: chunk[recordStart...])
        try checkSize(rawCarry.count)
    }

    private func checkSize(_ count: Int) throws(IngestionFileError) {
        guard count > maxRecordBytes else { return }
        throw IngestionFileError(
            .recordTooLarge, file: fileName,
            message:
                "The record starting on line \(recordLine) is larger than \(maxRecordBytes) bytes; "
                + "check for an unclosed quote.")
    }

    private mutating func endField() {
        fieldEnds.append(content.count)
        fieldQuoted.append(currentQuoted)
        currentQuoted = false
        state = .fieldStart
    }

    private mutating func endRecord(rawTail: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) throws(IngestionFileError) {
        try checkSize(rawCarry.count + rawTail.count)
        endField()
        defer {
            content.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            fieldQuoted.removeAll(keepingCapacity: true)
            rawCarry.removeAll(keepingCapacity: true)
            problem = nil
        }
        let isBlank = fieldEnds.count == 1 && fieldEnds[0] == 0 && !fieldQuoted[0] && problem == nil
        guard let header else { return try readHeader(isBlank: isBlank, rawTail: rawTail) }
        if isBlank { return }
        if let problem {
            return emit(.rowError(corrupt(rawTail, problem)))
        }
        guard fieldEnds.count == header.count else {
            let reason = "The row has \(fieldEnds.count) fields but the header names \(header.count) columns."
            return emit(.rowError(corrupt(rawTail, reason)))
        }
        var object: [String: JSONValue] = [:]
        object.reserveCapacity(header.count)
        var start = 0
        for (column, end) in fieldEnds.enumerated() {
            defer { start = end }
            if end == start && !fieldQuoted[column] {
                object[header[column]] = .null
                continue
            }
            let decoded = content.withUnsafeBytes { options.charset.decode(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            guard let text = decoded else {
                let reason = "Column '\(header[column])' is not valid \(options.charset.rawValue) text."
                return emit(.rowError(corrupt(rawTail, reason)))
            }
            object[header[column]] = !fieldQuoted[column] && nullMarkers.contains(text) ? .null : .string(text)
        }
        emit(.record(SourceRecord(value: .object(object), line: recordLine)))
    }

    private mutating func readHeader(isBlank: Bool, rawTail: UnsafeRawBufferPointer) throws(IngestionFileError) {
        if isBlank { throw IngestionFileError(.emptyCSVHeader, file: fileName) }
        if let problem {
            throw IngestionFileError(.invalidCSVHeader, file: fileName, message: "CSV file header row is invalid: \(problem)")
        }
        var names: [String] = []
        var start = 0
        for end in fieldEnds {
            let decoded = content.withUnsafeBytes { options.charset.decode(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            guard let name = decoded else {
                throw IngestionFileError(
                    .invalidCSVHeader, file: fileName,
                    message:
                        "CSV file header row is invalid: column \(names.count + 1) is not valid "
                        + "\(options.charset.rawValue) text.")
            }
            names.append(name)
            start = end
        }
        if names.allSatisfy(\.isEmpty) { throw IngestionFileError(.emptyCSVHeader, file: fileName) }
        if let empty = names.firstIndex(where: \.isEmpty) {
            throw IngestionFileError(
                .emptyCSVHeader, file: fileName,
                message: "CSV file contains empty header row: column \(empty + 1) has no name.")
        }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw IngestionFileError(
                .invalidCSVHeader, file: fileName, message: "CSV file header row is invalid: column '\(name)' appears twice.")
        }
        header = names
    }

    private func corrupt(_ rawTail: UnsafeRawBufferPointer, _ reason: String) -> RowError {
        var raw = rawCarry
        raw.append(contentsOf: rawTail)
        let text = raw.withUnsafeBytes { options.charset.decodeLeniently($0) }
        return .corrupt(file: fileName, line: recordLine, rawRecord: text, reason: reason)
    }
}
