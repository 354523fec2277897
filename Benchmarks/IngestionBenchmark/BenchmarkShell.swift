import Foundation

/// Runs helper processes for the benchmark.
enum BenchmarkShell {
    /// CPU time (user + system) of all finished child processes so far.
    static func childrenCPUSeconds() -> Double {
        #if os(Linux)
        return rusageCPUSeconds(RUSAGE_CHILDREN.rawValue)
        #else
        return rusageCPUSeconds(RUSAGE_CHILDREN)
        #endif
    }

    /// CPU time (user + system) of this process so far.
    static func processCPUSeconds() -> Double {
        #if os(Linux)
        return rusageCPUSeconds(RUSAGE_SELF.rawValue)
        #else
        return rusageCPUSeconds(RUSAGE_SELF)
        #endif
    }

    private static func rusageCPUSeconds(_ who: Int32) -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(who), &usage)
        #else
        getrusage(who, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    /// CPU time (user + system) of a running process, from `/proc/<pid>/stat`.
    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure(message: "\(executable) \(arguments.first ?? "") exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
