import BatchyardCore

/// Reads multi-line JSON (`isMultiLineJson: true`): records in one top-level array, or objects
/// one after another with any whitespace between them, each free to span many lines.
///
/// The reader only finds where each top-level element begins and ends (tracking strings and
/// brackets); the JSON parser then reads that element alone. So a broken record is a row error
/// (1401) with its first line and text, and the records around it are still read. An element that
/// is not an object, stray text between records, a record cut off by the end of the file and an
/// array that is never closed are row errors too. Only one element is held in memory; one larger
/// than ``maxRecordBytes`` fails the file, as there is no safe place to resume after it.
/// A file with no elements at all (empty, whitespace, `[]`) fails with 106.
public struct MultiLineJSONReader: RecordReader {
    /// The uploaded file, named in errors.
    public let fileName: String
    /// The largest element read.
    public let maxRecordBytes: Int

    private enum Element { case structured, string, bare }

    private var insideArray = false
    /// The element being read, if any, and how to find its end.
    private var element: Element?
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// The element's bytes from earlier chunks.
    private var carry: [UInt8] = []
    private var elementLine = 1
    private var line = 1
    /// How many bytes of the file have been looked at, and how many of them were a byte order mark.
    private var position = 0
    private var bomBytesSkipped = 0
    private var sawElement = false

    public init(fileName: String, maxRecordBytes: Int = defaultMaxRecordBytes) {
        self.fileName = fileName
        self.maxRecordBytes = maxRecordBytes
    }

    public mutating func read(_ chunk: UnsafeRawBufferPointer, emit: (ReadItem) -> Void) throws(IngestionFileError) {
        var elementStart = 0
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            if let kind = element {
                if kind != .bare && !escaped && isPlain(byte) {
                    // Skip a run of bytes that cannot change the scanner's state in one go.
                    var end = index + 1
                    while end < chunk.count && isPlain(chunk[end]) { end += 1 }
                    for newline in UnsafeRawBufferPointer(rebasing: chunk[index..<end]) where newline == 0x0A { line += 1 }
                    position += end - index
                    index = end
                    continue
                }
                var end: Int?
                switch kind {
                case .structured, .string:
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                            if kind == .string { end = index + 1 }
                        }
                    } else if byte == UInt8(ascii: "\"") {
                        inString = true
                    } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                        depth += 1
                    } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 { end = index + 1 }
                    }
                case .bare:
                    if isJSONWhitespace(byte) || isBoundary(byte) {
                        try complete(UnsafeRawBufferPointer(rebasing: chunk[elementStart..<index]), emit)
                        continue  // the boundary byte starts what comes next
                    }
                }
                if byte == 0x0A { line += 1 }
                index += 1
                position += 1
                if let end { try complete(UnsafeRawBufferPointer(rebasing: chunk[elementStart..<end]), emit) }
                continue
            }

            if position < 3 && bomBytesSkipped == position && byte == [0xEF, 0xBB, 0xBF][position] {
                bomBytesSkipped += 1  // a UTF-8 byte order mark at the start of the file
            } else if byte == 0x0A {
                line += 1
            } else if isJSONWhitespace(byte) || (insideArray && byte == UInt8(ascii: ",")) {
                // Between elements.
            } else if !insideArray && byte == UInt8(ascii: "[") {
                insideArray = true
                sawElement = true
            } else if insideArray && byte == UInt8(ascii: "]") {
                insideArray = false
            } else {
                elementStart = index
                elementLine = line
                sawElement = true
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    element = .structured
                    depth = 1
                } else if byte == UInt8(ascii: "\"") {
                    element = .string
                    inString = true
                } else {
                    element = .bare
                }
            }
            index += 1
            position += 1
        }
        if element != nil {
            carry.append(contentsOf: chunk[elementStart...])
            try checkSize(carry.count)
        }
    }

    public mutating func finish(emit: (ReadItem) -> Void) throws(IngestionFileError) {
        if let kind = element {
            if kind == .bare {
                try complete(UnsafeRawBufferPointer(start: nil, count: 0), emit)
            } else {
                emit(.rowError(corrupt(carry, "The file ends inside this record.")))
                reset()
            }
        }
        if insideArray {
            elementLine = line
            emit(.rowError(corrupt([], "The file ends before the top-level array is closed.")))
        }
        if !sawElement { throw IngestionFileError(.emptyFile, file: fileName) }
    }

    /// Whether `byte` leaves the element scanner's state as it is: inside a string anything but a
    /// quote or backslash, outside strings anything but quotes and brackets.
    @inline(__always)
    private func isPlain(_ byte: UInt8) -> Bool {
        if inString { return byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") }
        return byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}")
            && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "]")
    }

    private func isBoundary(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"")
            || (insideArray && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")))
    }

    /// Parses the finished element (earlier chunks' bytes in `carry`, then `tail`) and emits it.
    private mutating func complete(_ tail: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) throws(IngestionFileError) {
        try checkSize(carry.count + tail.count)
        defer { reset() }
        if carry.isEmpty { return parse(tail, emit) }
        carry.append(contentsOf: tail)
        carry.withUnsafeBytes { parse($0, emit) }
    }

    private func checkSize(_ count: Int) throws(IngestionFileError) {
        guard count > maxRecordBytes else { return }
        throw IngestionFileError(
            .recordTooLarge, file: fileName,
            message: "The record starting on line \(elementLine) is larger than \(maxRecordBytes) bytes.")
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) {
        do {
            let value = try JSONValue(parsing: bytes)
            guard case .object = value else {
                return emit(.rowError(corrupt(Array(bytes), "The record is a JSON \(value.kindName), not an object.")))
            }
            emit(.record(SourceRecord(value: value, line: elementLine)))
        } catch {
            emit(.rowError(corrupt(Array(bytes), error.description)))
        }
    }

    private mutating func reset() {
        element = nil
        depth = 0
        inString = false
        escaped = false
        carry.removeAll(keepingCapacity: carry.count <= 1 << 20)
    }

    private func corrupt(_ bytes: [UInt8], _ reason: String) -> RowError {
        let raw = String(decoding: bytes.prefix(RowError.maxRawRecordLength + 4), as: UTF8.self)
        return .corrupt(file: fileName, line: elementLine, rawRecord: raw, reason: reason)
    }
}
