import BatchyardCore

/// The `input_files` metadata of a batch: which uploads it was made from.
///
/// Data Access lists `meta?path=input_files` as `fileMetaData1.json`, `fileMetaData2.json`, …
/// (numbered from 1, as in AEP's example), each holding one `{"path": "…"}` line per uploaded file.
public enum InputFilesMetadata {
    /// The folder, under the batch's metadata, that holds the files.
    public static let folder = "input_files"

    /// The metadata files for `paths` (upload paths within the batch), `pathsPerFile` per file.
    public static func files(for paths: [String], pathsPerFile: Int = 1_000) -> [(path: String, bytes: [UInt8])] {
        let perFile = max(1, pathsPerFile)
        return stride(from: 0, to: paths.count, by: perFile).enumerated().map { number, start in
            var bytes: [UInt8] = []
            for path in paths[start..<min(start + perFile, paths.count)] {
                JSONValue.object(["path": .string(path)]).write(to: &bytes)
                bytes.append(0x0A)
            }
            return ("\(folder)/fileMetaData\(number + 1).json", bytes)
        }
    }
}
