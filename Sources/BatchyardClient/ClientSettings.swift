import BatchyardCore
import Foundation

/// Where the client commands connect and who they say they are: the base URL and AEP's four
/// gateway headers (token, API key, org, sandbox).
///
/// Each value is resolved in the order flags, then `BATCHYARD_*` environment variables, then the
/// selected profile of the profile file, then defaults that work against `batchyard serve --auth dev`
/// on this machine. Resolution is a pure function (`resolve`) so it is testable without a process.
public struct ClientSettings: Sendable, Hashable {
    /// The server's base URL, without a trailing slash (`http://127.0.0.1:8080`).
    public var baseURL: String
    /// `x-gw-ims-org-id`.
    public var org: String
    /// `x-sandbox-name`.
    public var sandbox: String
    /// The bearer token of `Authorization`.
    public var token: String
    /// `x-api-key`.
    public var apiKey: String

    /// Settings given explicitly.
    public init(baseURL: String, org: String, sandbox: String, token: String, apiKey: String) {
        self.baseURL = Self.trimmed(baseURL)
        self.org = org
        self.sandbox = sandbox
        self.token = token
        self.apiKey = apiKey
    }

    /// The defaults: the local dev server and the org the README's `curl` lines use, so data made
    /// by the walk-through is visible to the CLI and the other way round.
    public static let defaults = ClientSettings(
        baseURL: "http://127.0.0.1:8080", org: "4F3BB22C5631222A7F000101@AdobeOrg", sandbox: "prod",
        token: "dev-token", apiKey: "batchyard-cli")

    /// One source of values (flags, environment or a profile); `nil` means "not given here".
    public struct Layer: Sendable, Hashable, Codable {
        public var url: String?
        public var org: String?
        public var sandbox: String?
        public var token: String?
        public var apiKey: String?

        /// A layer with the given values.
        public init(url: String? = nil, org: String? = nil, sandbox: String? = nil, token: String? = nil, apiKey: String? = nil) {
            self.url = url
            self.org = org
            self.sandbox = sandbox
            self.token = token
            self.apiKey = apiKey
        }

        /// The `BATCHYARD_URL`, `_ORG`, `_SANDBOX`, `_TOKEN`, `_API_KEY` variables (empty ones ignored).
        public init(environment: [String: String]) {
            func value(_ name: String) -> String? {
                guard let text = environment["BATCHYARD_\(name)"], !text.isEmpty else { return nil }
                return text
            }
            self.init(url: value("URL"), org: value("ORG"), sandbox: value("SANDBOX"), token: value("TOKEN"),
                      apiKey: value("API_KEY"))
        }
    }

    /// The profile file's path: `--config`, else `BATCHYARD_CONFIG`, else
    /// `$XDG_CONFIG_HOME/batchyard/profile.json`, else `~/.config/batchyard/profile.json`.
    public static func profileFilePath(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let path = environment["BATCHYARD_CONFIG"], !path.isEmpty { return path }
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty { return base + "/batchyard/profile.json" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/batchyard/profile.json"
    }

    /// Resolves every value: `flags` > `environment` > the profile > `defaults`.
    ///
    /// The profile is `profileName` (`--profile`), else `BATCHYARD_PROFILE`, else the file's
    /// `"default"` entry, else the profile named `default`. Naming a profile that the file does
    /// not hold is an error; a missing file is not (unless a profile was named).
    public static func resolve(
        flags: Layer, profileName: String?, environment: [String: String], profileFile: ProfileFile?
    ) throws(ClientError) -> ClientSettings {
        let named = profileName.flatMap { $0.isEmpty ? nil : $0 } ?? environment["BATCHYARD_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        var profile = Layer()
        if let named {
            guard let found = profileFile?.profiles[named] else {
                let known = profileFile.map { $0.profiles.keys.sorted().joined(separator: ", ") } ?? ""
                throw ClientError(.usage, "There is no profile named '\(named)'"
                    + (known.isEmpty ? " (no profile file was found)." : "; the profile file has: \(known)."))
            }
            profile = found
        } else if let file = profileFile {
            profile = file.profiles[file.defaultProfile ?? "default"] ?? Layer()
        }
        let environmentLayer = Layer(environment: environment)
        let layers = [flags, environmentLayer, profile]
        func pick(_ key: KeyPath<Layer, String?>, _ fallback: String) -> String {
            layers.lazy.compactMap { $0[keyPath: key] }.first { !$0.isEmpty } ?? fallback
        }
        let url = pick(\.url, defaults.baseURL)
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ClientError(.usage, "The server URL must start with http:// or https://, not '\(url)'.")
        }
        return ClientSettings(
            baseURL: url, org: pick(\.org, defaults.org), sandbox: pick(\.sandbox, defaults.sandbox),
            token: pick(\.token, defaults.token), apiKey: pick(\.apiKey, defaults.apiKey))
    }

    /// The gateway headers every call carries.
    public var headers: [(String, String)] {
        [("Authorization", "Bearer \(token)"), ("x-api-key", apiKey), ("x-gw-ims-org-id", org), ("x-sandbox-name", sandbox)]
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
