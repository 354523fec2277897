import BatchyardCore
import Foundation

/// Output helpers shared by the client commands.
enum Output {
    /// Writes to standard output (results).
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes to standard error (progress and events), unbuffered.
    static let note: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A JSON value: compact for `--json`, indented otherwise.
    static func json(_ value: JSONValue, compact: Bool) {
        print(compact ? value.serialized() : value.prettyPrinted())
    }
}
