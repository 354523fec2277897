import Foundation

/// The built `batchyard` executable, for tests that run the real server or CLI as a process.
public enum BatchyardBinary {
    /// `BATCHYARD_BINARY`, else the `batchyard` next to (or above) the test bundle, else the debug
    /// build's path relative to the package.
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["BATCHYARD_BINARY"] { return path }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            let candidate = url.deletingLastPathComponent().appendingPathComponent("batchyard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            url = url.deletingLastPathComponent()
        }
        return ".build/debug/batchyard"
    }
}
