#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file on disk read with `pread`.
public final class FileSource: ParquetByteSource {
    private let fd: Int32
    /// File size at open time.
    public let size: Int
    /// The path opened, for error messages.
    public let path: String

    /// Opens the file read-only.
    public init(path: String) throws(ParquetError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ParquetError(.io, "cannot open \(path): errno \(errno)") }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            _ = systemClose(fd)
            throw ParquetError(.io, "cannot stat \(path)")
        }
        self.fd = fd
        self.size = Int(st.st_size)
    }

    deinit { _ = systemClose(fd) }

    public func read(offset: Int, count: Int) throws(ParquetError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw .truncated("read of \(count) bytes at \(offset) past end of \(size)")
        }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            var done = 0
            while done < count {
                let r = pread(fd, buf.baseAddress! + done, count - done, off_t(offset + done))
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { failed = true; break }
                done += r
            }
            if done < count { (buf.baseAddress! + done).initialize(repeating: 0, count: count - done) }
            n = count
        }
        if failed { throw ParquetError(.io, "read from \(path) failed") }
        return out
    }
}
