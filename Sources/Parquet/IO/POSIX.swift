#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The sinks and sources call these instead of the module-qualified libc names (which differ
// between Glibc and Darwin), because their own methods shadow the plain `close`/`write`.

@inline(__always)
func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}

@inline(__always)
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
