import Foundation

/// The profile file (`~/.config/batchyard/profile.json`): named sets of connection settings, so
/// one machine can talk to a local dev server and a shared one without retyping flags.
///
/// ```json
/// {"default": "local",
///  "profiles": {"local": {"url": "http://127.0.0.1:8080", "org": "4F3BB22C5631222A7F000101@AdobeOrg"},
///               "staging": {"url": "https://batchyard.example.com", "token": "by1.…", "apiKey": "acme-client"}}}
/// ```
public struct ProfileFile: Sendable, Hashable, Codable {
    /// The profile used when none is named; the one called `default` when this is absent.
    public var defaultProfile: String?
    /// Profiles by name.
    public var profiles: [String: ClientSettings.Layer]

    enum CodingKeys: String, CodingKey {
        case defaultProfile = "default"
        case profiles
    }

    /// A file with the given profiles.
    public init(defaultProfile: String? = nil, profiles: [String: ClientSettings.Layer]) {
        self.defaultProfile = defaultProfile
        self.profiles = profiles
    }

    /// Reads the file at `path`; `nil` when there is none, a usage error when it is not valid.
    public static func load(path: String) throws(ClientError) -> ProfileFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(ProfileFile.self, from: data)
        } catch {
            throw ClientError(.usage, "The profile file \(path) is not valid: \(error.localizedDescription)")
        }
    }
}
