import BatchyardTestSupport
@testable import BlobStore
import Foundation
import NIOCore
import Testing

@Suite("PosixFile")
struct PosixFileTests {
    @Test("a vector write puts every piece at its place, whatever the pieces' number, sizes and reader offsets",
          arguments: [1, 2, 3] as [UInt64])
    func vectorWritesLandInOrder(seed: UInt64) throws {
        try inTemporaryFolder { folder in
            var generator = SeededGenerator(seed: seed)
            for round in 0..<15 {
                let path = folder + "/file-\(round)"
                let existing = [UInt8](repeating: 0xAA, count: Int.random(in: 0...20_000, using: &generator))
                _ = FileManager.default.createFile(atPath: path, contents: Data(existing))
                // Up to 300 pieces (more than one call's worth), empty ones included, some read partly.
                let pieces: [ByteBuffer] = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                    var buffer = ByteBuffer(bytes: randomBytes(Int.random(in: 0...1_500, using: &generator)))
                    if buffer.readableBytes > 0, Bool.random(using: &generator) {
                        buffer.moveReaderIndex(forwardBy: Int.random(in: 0...buffer.readableBytes, using: &generator))
                    }
                    return buffer
                }
                let offset = Int.random(in: 0...25_000, using: &generator)
                let file = try PosixFile.open(path, flags: O_WRONLY)
                try file.write(pieces, at: Int64(offset))
                file.close()

                // Writing nothing past the end leaves the file as it was; writing something there
                // leaves a hole of zeros before it.
                let written = pieces.flatMap { Array($0.readableBytesView) }
                var expected = existing
                if !written.isEmpty {
                    let end = offset + written.count
                    if expected.count < end { expected += [UInt8](repeating: 0, count: end - expected.count) }
                    expected.replaceSubrange(offset..<end, with: written)
                }
                #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected, "seed \(seed) round \(round)")
            }
        }
    }

    @Test("writing no bytes (no pieces, or only empty ones) past the end leaves the file alone")
    func emptyWritesChangeNothing() throws {
        try inTemporaryFolder { folder in
            let path = folder + "/file"
            _ = FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3]))
            let file = try PosixFile.open(path, flags: O_WRONLY)
            try file.write([], at: 100)
            try file.write([ByteBuffer(), ByteBuffer()], at: 200)
            file.close()
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([1, 2, 3]))
        }
    }

    @Test("a vector write to a read-only descriptor fails with the path, not silently")
    func vectorWriteFailureIsReported() throws {
        try inTemporaryFolder { folder in
            let path = folder + "/read-only"
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            let file = try PosixFile.open(path, flags: O_RDONLY)
            defer { file.close() }
            #expect(throws: BlobStoreError.self) { try file.write([ByteBuffer(bytes: [1, 2, 3])], at: 0) }
        }
    }

    /// Runs `body` with a new folder, removed afterwards.
    private func inTemporaryFolder(_ body: (String) throws -> Void) throws {
        let folder = temporaryRoot()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }
}
