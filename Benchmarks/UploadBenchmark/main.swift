// Upload throughput on loopback against `dd` on the same disk, in the same run.
//
//   swift run -c release UploadBenchmark [--size-mb 1024] [--chunk-mb 256] [--dir /path/on/the/disk]
//       [--storage s3://bucket/prefix?endpoint=…]   (blobs in S3; credentials from AWS_* variables)
//
// Starts Batchyard in process on a free port (data directory under --dir), then times:
//   dd      `dd if=src of=out bs=1M conv=fsync`, best of 3 (the disk's rate for the same bytes, synced)
//   PUT     one `curl -T src -X PUT` of the whole file (limit raised for the benchmark)
//   chunked INITIALIZE, one `curl -T` PATCH per chunk in turn, COMPLETE
//   parallel the same with every chunk's PATCH sent at once
// Figures are MB/s of the file size (1 MB = 10^6 bytes) over wall time from first byte sent to
// the 200/201; every server answer means the bytes were fsync'd.
import BatchyardServer
import BlobStore
import Foundation
import Logging

/// The port the server reports once it listens.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int?
    func set(_ port: Int) { lock.lock(); value = port; lock.unlock() }
    func get() -> Int? { lock.lock(); defer { lock.unlock() }; return value }
}

struct Options {
    var sizeMB = 1024
    var chunkMB = 256
    var directory = FileManager.default.currentDirectoryPath + "/.build/upload-benchmark"
    var storage: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--size-mb": sizeMB = Int(iterator.next() ?? "") ?? sizeMB
            case "--chunk-mb": chunkMB = Int(iterator.next() ?? "") ?? chunkMB
            case "--dir": directory = iterator.next() ?? directory
            case "--storage": storage = iterator.next()
            default: FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8)); exit(2)
            }
        }
    }
}

@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let options = Options(CommandLine.arguments)
let fileManager = FileManager.default
try? fileManager.removeItem(atPath: options.directory)
try fileManager.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
let source = options.directory + "/source.bin"
let bytes = Int64(options.sizeMB) * 1024 * 1024

// Incompressible source bytes, written once (and left in the page cache for every contender).
try run("/bin/dd", ["if=/dev/urandom", "of=\(source)", "bs=1M", "count=\(options.sizeMB)", "status=none"])
let chunkBytes = Int64(options.chunkMB) * 1024 * 1024
let chunkCount = Int((bytes + chunkBytes - 1) / chunkBytes)
try run("/usr/bin/split", ["-b", "\(chunkBytes)", "-d", "-a", "3", source, options.directory + "/chunk-"])

var configuration = ServerConfiguration()
configuration.dataDirectory = options.directory + "/data"
configuration.port = 0
configuration.uploadLimits.maxFileBytes = bytes
configuration.storage = options.storage
var logger = Logger(label: "upload-benchmark")
logger.logLevel = .warning
let portBox = PortBox()
let app = try await BatchyardApplication.build(configuration: configuration, logger: logger) { port in portBox.set(port) }
let server = Task { try await app.runService() }
while portBox.get() == nil { try await Task.sleep(for: .milliseconds(20)) }
let base = "http://127.0.0.1:\(portBox.get()!)"
let gateway = ["-H", "Authorization: Bearer bench", "-H", "x-api-key: bench", "-H",
               "x-gw-ims-org-id: BENCH@AdobeOrg", "-H", "x-sandbox-name: prod"]

func curl(_ arguments: [String]) throws -> (code: Int, body: String) {
    let result = try run("/usr/bin/curl", ["-s", "-o", "/dev/stdout", "-w", "\n%{http_code}"] + gateway + arguments)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
}

func newBatch() throws -> (dataset: String, batch: String) {
    let created = try curl(["-X", "POST", "\(base)/data/foundation/catalog/dataSets", "-H", "Content-Type: application/json",
                            "-d", "{\"name\": \"bench\"}"])
    let dataset = created.body.split(separator: "/").last.map { String($0.prefix { $0 != "\"" }) } ?? ""
    let batch = try curl(["-X", "POST", "\(base)/data/foundation/import/batches", "-H", "Content-Type: application/json",
                          "-d", "{\"datasetId\": \"\(dataset)\", \"inputFormat\": {\"format\": \"json\"}}"])
    let id = batch.body.components(separatedBy: "\"id\":\"").dropFirst().first?.prefix(26) ?? ""
    return (dataset, String(id))
}

func mbps(_ seconds: Double) -> Double { Double(bytes) / 1e6 / seconds }

// Every contender starts with nothing dirty in the page cache (the source and chunk files were
// just written; their write-back would otherwise slow whoever runs first).
func settle() throws { try run("/bin/sync", []) }

// 1. dd, synced, onto the same disk: the best of three runs (the virtual disk's rate swings while
// the host flushes what was written before), so the comparison errs against Batchyard.
var ddSeconds = Double.infinity
for _ in 0..<3 {
    try settle()
    ddSeconds = min(ddSeconds, try timed {
        try run("/bin/dd", ["if=\(source)", "of=\(options.directory)/dd.out", "bs=1M", "conv=fsync", "status=none"])
    })
    try? fileManager.removeItem(atPath: options.directory + "/dd.out")
}

// 2. One PUT of the whole file.
let put = try newBatch()
try settle()
var putCode = 0
let putSeconds = try timed {
    putCode = try curl(["-X", "PUT", "-T", source, "-H", "Content-Type: application/octet-stream",
                        "\(base)/data/foundation/import/batches/\(put.batch)/datasets/\(put.dataset)/files/big.bin"]).code
}

// 3. Chunked: INITIALIZE, PATCH each chunk, COMPLETE.
let chunked = try newBatch()
try settle()
let filePath = "\(base)/data/foundation/import/batches/\(chunked.batch)/datasets/\(chunked.dataset)/files/big.bin"
var chunkCodes: [Int] = []
let chunkSeconds = try timed {
    chunkCodes.append(try curl(["-X", "POST", filePath + "?action=INITIALIZE"]).code)
    for index in 0..<chunkCount {
        let start = Int64(index) * chunkBytes
        let end = min(bytes, start + chunkBytes) - 1
        let part = options.directory + "/chunk-" + String(format: "%03d", index)
        chunkCodes.append(try curl(["-X", "PATCH", "-T", part, "-H", "Content-Type: application/octet-stream",
                                    "-H", "Content-Range: bytes \(start)-\(end)/\(bytes)", filePath]).code)
    }
    chunkCodes.append(try curl(["-X", "POST", filePath + "?action=COMPLETE"]).code)
}

// 4. Chunked with the chunks sent at once (AEP clients may send chunks in any order, in parallel).
let parallel = try newBatch()
try settle()
let parallelPath = "\(base)/data/foundation/import/batches/\(parallel.batch)/datasets/\(parallel.dataset)/files/big.bin"
var parallelCodes: [Int] = []
let parallelSeconds = try timed {
    parallelCodes.append(try curl(["-X", "POST", parallelPath + "?action=INITIALIZE"]).code)
    var processes: [(Process, Pipe)] = []
    for index in 0..<chunkCount {
        let start = Int64(index) * chunkBytes
        let end = min(bytes, start + chunkBytes) - 1
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}"] + gateway + [
            "-X", "PATCH", "-T", options.directory + "/chunk-" + String(format: "%03d", index),
            "-H", "Content-Type: application/octet-stream", "-H", "Content-Range: bytes \(start)-\(end)/\(bytes)", parallelPath,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        processes.append((process, pipe))
    }
    for (process, pipe) in processes {
        process.waitUntilExit()
        parallelCodes.append(Int(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) ?? 0)
    }
    parallelCodes.append(try curl(["-X", "POST", parallelPath + "?action=COMPLETE"]).code)
}

// The stored files must be the source, byte for byte.
let dataDirectory = configuration.dataDirectory
func verified(_ batch: String) throws -> String {
    let stored = "\(dataDirectory)/blobs/uploads/BENCH@AdobeOrg/prod/\(batch)/big.bin"
    return try run("/usr/bin/cmp", ["-s", source, stored]).status == 0 ? "bytes verified" : "BYTES DIFFER"
}
/// With S3 storage the stored object is downloaded first, then compared.
let storedConfiguration = configuration
func verifiedRemote(_ batch: String) async throws -> String {
    let blobs = try BlobStoreOpening.open(storedConfiguration)
    let copy = try LocalBlobStore(root: options.directory + "/verify")
    let key = "uploads/BENCH@AdobeOrg/prod/\(batch)/big.bin"
    _ = try await copy.put(key: key, body: blobs.get(key: key))
    let path = copy.localPath(for: key)!
    defer { try? fileManager.removeItem(atPath: path) }
    return try run("/usr/bin/cmp", ["-s", source, path]).status == 0 ? "bytes verified" : "BYTES DIFFER"
}
var checks: [String] = []
for batch in [put.batch, chunked.batch, parallel.batch] {
    checks.append(options.storage == nil ? try verified(batch) : try await verifiedRemote(batch))
}

server.cancel()
print("Upload benchmark: \(options.sizeMB) MiB file, \(chunkCount) chunks of \(options.chunkMB) MiB, directory \(options.directory)"
      + (options.storage.map { ", blobs in \($0)" } ?? ""))
print(String(format: "dd conv=fsync      %7.1f MB/s  (%.2f s)", mbps(ddSeconds), ddSeconds))
print(String(format: "PUT (one request)  %7.1f MB/s  (%.2f s)  %.0f%% of dd",
             mbps(putSeconds), putSeconds, 100 * ddSeconds / putSeconds) + "  [HTTP \(putCode), \(checks[0])]")
print(String(format: "chunked upload     %7.1f MB/s  (%.2f s)  %.0f%% of dd",
             mbps(chunkSeconds), chunkSeconds, 100 * ddSeconds / chunkSeconds)
      + "  [HTTP \(chunkCodes.map(String.init).joined(separator: ",")), \(checks[1])]")
print(String(format: "chunked, parallel  %7.1f MB/s  (%.2f s)  %.0f%% of dd",
             mbps(parallelSeconds), parallelSeconds, 100 * ddSeconds / parallelSeconds)
      + "  [HTTP \(parallelCodes.map(String.init).joined(separator: ",")), \(checks[2])]")
try? fileManager.removeItem(atPath: options.directory)
