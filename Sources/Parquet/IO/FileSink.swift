#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file through a descriptor with a 1 MiB user-space buffer.
public final class FileSink: ParquetByteSink {
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let path: String

    /// Creates or truncates the file at `path`.
    public init(path: String) throws(ParquetError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ParquetError(.io, "cannot create \(path): errno \(errno)") }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if fd >= 0 { _ = systemClose(fd) } }

    /// Buffers bytes and writes them out in 1 MiB chunks.
    public func write(_ b: [UInt8]) throws(ParquetError) {
        if buffer.count + b.count > 1 << 20 { try flush() }
        if b.count >= 1 << 20 {
            try writeAll(b)
        } else {
            buffer.append(contentsOf: b)
        }
    }

    private func flush() throws(ParquetError) {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ b: [UInt8]) throws(ParquetError) {
        guard fd >= 0 else { throw ParquetError(.closed, "file sink closed") }
        var failed = false
        b.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                off += n
            }
        }
        if failed { throw ParquetError(.io, "write to \(path) failed: errno \(errno)") }
    }

    /// Flushes the buffer and closes the descriptor.
    public func close() throws(ParquetError) {
        try flush()
        if fd >= 0 {
            let r = systemClose(fd)
            fd = -1
            if r != 0 { throw ParquetError(.io, "close \(path) failed") }
        }
    }
}
