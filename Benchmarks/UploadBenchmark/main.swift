// Upload throughput on loopback against `dd` on the same disk, in the same run.
//
//   swift run -c release UploadBenchmark [--size-mb 1024] [--chunk-mb 256] [--rounds 5]
//       [--dir /path/on/the/disk] [--storage s3://bucket/prefix?endpoint=…]   (S3: AWS_* variables)
//       [--fresh-memory]   (keep every output until the end, skip the scratch file: every contender
//                           then writes into memory the guest has not touched lately)
//
// Starts Batchyard in process on a free port (data directory under --dir), then, in each round,
// times one run of every contender:
//   dd       `dd if=src of=out bs=1M conv=fsync` (the disk's rate for the same bytes, synced)
//   PUT      one `curl -T src -X PUT` of the whole file (limit raised for the benchmark)
//   chunked  INITIALIZE, one `curl -T` PATCH per chunk in turn, COMPLETE
//   parallel the same with every chunk's PATCH sent at once
// Figures are MB/s of the file size (1 MB = 10^6 bytes) over wall time from the first request
// to the last answer; every server answer means the bytes were fsync'd. The summary is each
// contender's median over the rounds, and its ratio to dd's median.
//
// Every contender starts in the same state: the previous contender's output deleted, a scratch
// file written and deleted, then `sync`. On a virtual machine that matters more than anything measured here: writing into
// page-cache pages the guest has just freed costs a copy, while writing into pages the guest has
// not touched for a while (returned to the host by free page reporting) costs a host page fault
// per 4 KiB. `dd` into a new file next to kept files ran at ~370 MB/s here, into a just-deleted
// file's pages at ~2.3 GB/s; a contender that inherits the other's freed pages wins by that much.
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
    var rounds = 5
    var freshMemory = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--size-mb": sizeMB = Int(iterator.next() ?? "") ?? sizeMB
            case "--chunk-mb": chunkMB = Int(iterator.next() ?? "") ?? chunkMB
            case "--dir": directory = iterator.next() ?? directory
            case "--storage": storage = iterator.next()
            case "--fresh-memory": freshMemory = true
            case "--rounds": rounds = max(1, Int(iterator.next() ?? "") ?? rounds)
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

// Every contender starts in the same state: nothing dirty in the page cache (the source and
// chunk files were just written; their write-back would otherwise slow whoever runs first), and
// the guest's free memory just recycled: a scratch file of 1.5× the size is written and deleted,
// so that every contender writes into pages the guest has just freed (see the header).
func settle() throws {
    guard !options.freshMemory else {
        try run("/bin/sync", [])
        return
    }
    let scratch = options.directory + "/scratch.bin"
    try run("/bin/dd", ["if=/dev/zero", "of=\(scratch)", "bs=1M", "count=\(options.sizeMB * 3 / 2)", "status=none"])
    try? fileManager.removeItem(atPath: scratch)
    try run("/bin/sync", [])
}

// The rounds. Before each contender, the previous one's output is deleted and the disk synced.
let blobs = try BlobStoreOpening.open(configuration)
let dataDirectory = configuration.dataDirectory
let contenders = ["dd", "PUT", "chunked", "parallel"]
var seconds: [String: [Double]] = [:]
var failures: [String] = []
var previousOutput: (() async throws -> Void)?
var keptOutputs: [() async throws -> Void] = []

func storedKey(_ batch: String) -> String { "uploads/BENCH@AdobeOrg/prod/\(batch)/big.bin" }

/// Compares a stored upload with the source: the local file itself, or a downloaded copy of an S3 object.
func verify(_ batch: String) async throws -> Bool {
    if options.storage == nil {
        return try run("/usr/bin/cmp", ["-s", source, "\(dataDirectory)/blobs/\(storedKey(batch))"]).status == 0
    }
    let copy = try LocalBlobStore(root: options.directory + "/verify")
    _ = try await copy.put(key: storedKey(batch), body: blobs.get(key: storedKey(batch)))
    let path = copy.localPath(for: storedKey(batch))!
    defer { try? fileManager.removeItem(atPath: path) }
    return try run("/usr/bin/cmp", ["-s", source, path]).status == 0
}

func upload(_ mode: String) throws -> (seconds: Double, batch: String, codes: [Int]) {
    let target = try newBatch()
    let filePath = "\(base)/data/foundation/import/batches/\(target.batch)/datasets/\(target.dataset)/files/big.bin"
    try settle()
    var codes: [Int] = []
    let elapsed = try timed {
        if mode == "PUT" {
            codes.append(try curl(["-X", "PUT", "-T", source, "-H", "Content-Type: application/octet-stream", filePath]).code)
            return
        }
        codes.append(try curl(["-X", "POST", filePath + "?action=INITIALIZE"]).code)
        let patches = (0..<chunkCount).map { index -> [String] in
            let start = Int64(index) * chunkBytes
            let end = min(bytes, start + chunkBytes) - 1
            return ["-X", "PATCH", "-T", options.directory + "/chunk-" + String(format: "%03d", index),
                    "-H", "Content-Type: application/octet-stream", "-H", "Content-Range: bytes \(start)-\(end)/\(bytes)", filePath]
        }
        if mode == "chunked" {
            for patch in patches { codes.append(try curl(patch).code) }
        } else {
            // Every chunk at once (AEP clients may send chunks in any order, in parallel).
            var processes: [(Process, Pipe)] = []
            for patch in patches {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
                process.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}"] + gateway + patch
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                processes.append((process, pipe))
            }
            for (process, pipe) in processes {
                process.waitUntilExit()
                codes.append(Int(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) ?? 0)
            }
        }
        codes.append(try curl(["-X", "POST", filePath + "?action=COMPLETE"]).code)
    }
    return (elapsed, target.batch, codes)
}

for round in 1...options.rounds {
    for contender in contenders {
        if options.freshMemory, let previousOutput { keptOutputs.append(previousOutput) } else { try await previousOutput?() }
        if contender == "dd" {
            let output = options.directory + "/dd-\(round).out"
            try settle()
            seconds[contender, default: []].append(try timed {
                try run("/bin/dd", ["if=\(source)", "of=\(output)", "bs=1M", "conv=fsync", "status=none"])
            })
            previousOutput = { try? fileManager.removeItem(atPath: output) }
            continue
        }
        let result = try upload(contender)
        seconds[contender, default: []].append(result.seconds)
        let expected = contender == "PUT" ? [200] : [201] + Array(repeating: 200, count: chunkCount) + [201]
        let intact = try await verify(result.batch)
        if result.codes.map({ $0 == 201 && contender == "PUT" ? 200 : $0 }) != expected || !intact {
            failures.append("round \(round) \(contender): HTTP \(result.codes.map(String.init).joined(separator: ",")), stored bytes "
                            + (intact ? "verified" : "DIFFER"))
        }
        let key = storedKey(result.batch)
        previousOutput = { try await blobs.delete(key: key) }
    }
}
try await previousOutput?()
for remove in keptOutputs { try await remove() }
server.cancel()

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
let ddMedian = median(seconds["dd"]!)
print("Upload benchmark: \(options.sizeMB) MiB file, \(chunkCount) chunks of \(options.chunkMB) MiB, \(options.rounds) rounds, "
      + "directory \(options.directory)" + (options.storage.map { ", blobs in \($0)" } ?? ""))
let labels = ["dd": "dd conv=fsync", "PUT": "PUT (one request)", "chunked": "chunked upload", "parallel": "chunked, parallel"]
for contender in contenders {
    let runs = seconds[contender]!
    let each = runs.map { String(format: "%.0f", mbps($0)) }.joined(separator: " ")
    let share = contender == "dd" ? "" : String(format: "  %3.0f%% of dd", 100 * ddMedian / median(runs))
    print(labels[contender]!.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: " %7.1f MB/s median (%.2f s)", mbps(median(runs)), median(runs))
          + share + "   rounds: \(each) MB/s")
}
print(failures.isEmpty ? "every upload answered as expected and its stored bytes equal the source" : failures.joined(separator: "\n"))
try? fileManager.removeItem(atPath: options.directory)
