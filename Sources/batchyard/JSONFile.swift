import BatchyardClient
import BatchyardCore
import Foundation

/// Reads JSON documents given as files.
enum JSONFile {
    static func read(_ path: String) throws(ClientError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClientError(.usage, "Cannot read \(path).")
        }
        do {
            return try JSONValue(parsing: [UInt8](data))
        } catch {
            throw ClientError(.usage, "\(path) is not valid JSON: \(error).")
        }
    }
}
