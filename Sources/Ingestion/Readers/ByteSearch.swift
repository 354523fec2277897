#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the next line feed in `buffer` at or after `start`, with the C library's vectorised
/// `memchr`: JSON Lines throughput is mostly the speed of this search plus the parser's.
@inline(__always)
func indexOfLineFeed(in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard start < buffer.count, let base = buffer.baseAddress else { return nil }
    guard let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
}

/// Whether `byte` is JSON whitespace (RFC 8259: space, tab, line feed, carriage return).
@inline(__always)
func isJSONWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
}
