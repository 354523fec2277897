import BlobStore
import NIOCore

/// Bytes `start..<start+length` of a blob: a piece of an object being composed.
struct ObjectSegment: Sendable, Hashable {
    var key: String
    var start: Int64
    var length: Int64
}

extension S3BlobStore {
    /// Writes the segments, in order, as the object `key` and returns its size.
    ///
    /// Small results are assembled in memory and PUT. Larger ones become a multipart upload in
    /// which every stretch of at least 5 MiB that starts a part is copied server-side
    /// (UploadPartCopy, nothing passes through this process), and shorter stretches are read
    /// (ranged GET) into a buffer of one part size that is uploaded when full: every part but the
    /// last is at least 5 MiB, as S3 requires, and memory stays at one part.
    func compose(_ segments: [ObjectSegment], into key: String) async throws -> Int64 {
        let total = segments.reduce(Int64(0)) { $0 + $1.length }
        let partSize = configuration.partSize
        if total <= Int64(partSize) {
            var buffer = ByteBuffer()
            for segment in segments where segment.length > 0 { try await read(segment, into: &buffer) }
            _ = try await client.send(.PUT, key: key, body: .bytes(buffer))
            return total
        }
        let upload = try await MultipartUpload.start(client, key: key)
        do {
            var buffer = ByteBuffer()
            for segment in segments {
                var position = segment.start
                let end = segment.start + segment.length
                while position < end {
                    let remaining = end - position
                    if buffer.readableBytes == 0, remaining >= Int64(S3Configuration.minimumPartSize) {
                        let count = min(remaining, S3Configuration.maximumSinglePartSize)
                        try await upload.copyPart(from: segment.key, range: position...(position + count - 1))
                        position += count
                    } else {
                        let count = min(remaining, Int64(partSize - buffer.readableBytes))
                        try await read(ObjectSegment(key: segment.key, start: position, length: count), into: &buffer)
                        position += count
                        if buffer.readableBytes >= partSize {
                            try await upload.uploadPart(buffer)
                            buffer = ByteBuffer()
                        }
                    }
                }
            }
            if buffer.readableBytes > 0 { try await upload.uploadPart(buffer) }
            try await upload.complete()
        } catch {
            await upload.abort()
            throw error
        }
        return total
    }

    private func read(_ segment: ObjectSegment, into buffer: inout ByteBuffer) async throws {
        let before = buffer.readableBytes
        for try await var piece in get(key: segment.key, range: segment.start...(segment.start + segment.length - 1)) {
            buffer.writeBuffer(&piece)
        }
        guard Int64(buffer.readableBytes - before) == segment.length else {
            throw BlobStoreError(.io, key: segment.key, "the object changed while it was being copied")
        }
    }

    // MARK: Part assemblies

    /// Each chunk of an assembly is its own object, `<upload>/<offset, 20 digits>`: S3 has no
    /// writes at an offset, and chunks arrive in any order and any size.
    static func partKey(upload: String, offset: Int64) -> String {
        let digits = String(offset)
        return upload + "/" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    public func writePart(upload: String, offset: Int64, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64 {
        try BlobKey.validate(upload)
        guard offset >= 0 else { throw BlobStoreError(.invalidRange, key: upload, "negative offset \(offset)") }
        return try await put(key: Self.partKey(upload: upload, offset: offset), body: body)
    }

    public func completeParts(upload: String, size: Int64, into key: String) async throws {
        try BlobKey.validate(upload)
        try BlobKey.validate(key)
        let prefix = upload + "/"
        var chunks: [(offset: Int64, info: BlobInfo)] = []
        for info in try await list(prefix: prefix) {
            let name = info.key.dropFirst(prefix.count)
            guard name.count == 20, let offset = Int64(name) else { continue }
            chunks.append((offset, info))
        }
        // No chunk at all: the assembly does not exist (already completed, or never written), as a
        // missing sparse file is on the local backend; a re-run COMPLETE relies on telling the two apart.
        guard !chunks.isEmpty else { throw BlobStoreError(.notFound, key: upload, "no upload assembly '\(upload)'") }
        chunks.sort { $0.offset < $1.offset }
        // Where chunks overlap, the one that starts first provides the bytes.
        var segments: [ObjectSegment] = []
        var position: Int64 = 0
        for chunk in chunks where position < size {
            guard chunk.offset <= position else { break }
            let end = min(chunk.offset + chunk.info.size, size)
            if end > position {
                segments.append(ObjectSegment(key: chunk.info.key, start: position - chunk.offset, length: end - position))
                position = end
            }
        }
        guard position >= size else {
            throw BlobStoreError(.invalidRange, key: upload, "the assembly has no bytes at offset \(position) of \(size)")
        }
        _ = try await compose(segments, into: key)
        try await deletePrefix(prefix)
    }
}
