import BatchyardCore
import Ingestion


/// Splits `bytes` into chunks at random places (including empty chunks), to prove that results do
/// not depend on where chunk boundaries fall.
func randomChunks(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [[UInt8]] {
    var chunks: [[UInt8]] = []
    var index = 0
    while index < bytes.count {
        let size = Int.random(in: 0...max(1, min(64, bytes.count - index)), using: &generator)
        chunks.append(Array(bytes[index..<index + size]))
        index += size
    }
    return chunks
}

/// Feeds `chunks` to `reader` and collects everything it emits, or the file error it throws.
func readChunks<Reader: RecordReader>(_ reader: Reader, _ chunks: [[UInt8]]) -> Result<[ReadItem], IngestionFileError> {
    var reader = reader
    var items: [ReadItem] = []
    do throws(IngestionFileError) {
        for chunk in chunks { try reader.read(chunk) { items.append($0) } }
        try reader.finish { items.append($0) }
        return .success(items)
    } catch {
        return .failure(error)
    }
}

extension ReadItem {
    var record: SourceRecord? {
        if case .record(let record) = self { return record }
        return nil
    }

    var rowError: RowError? {
        if case .rowError(let error) = self { return error }
        return nil
    }
}

extension Result where Success == [ReadItem], Failure == IngestionFileError {
    var records: [JSONValue] { ((try? get()) ?? []).compactMap { $0.record?.value } }
    var rowErrors: [RowError] { ((try? get()) ?? []).compactMap(\.rowError) }
    var fileError: IngestionFileError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
