import ArgumentParser
import BatchyardClient
import BatchyardCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The connection options every client command takes; each falls back to a `BATCHYARD_*`
/// variable, then the profile file, then the local dev defaults (see `ClientSettings.resolve`).
struct ClientOptions: ParsableArguments {
    @Option(help: "Server base URL (BATCHYARD_URL; default http://127.0.0.1:8080).")
    var url: String?

    @Option(help: "IMS org, sent as x-gw-ims-org-id (BATCHYARD_ORG).")
    var org: String?

    @Option(help: "Sandbox, sent as x-sandbox-name (BATCHYARD_SANDBOX; default prod).")
    var sandbox: String?

    @Option(help: "Bearer token (BATCHYARD_TOKEN).")
    var token: String?

    @Option(name: .customLong("api-key"), help: "API key, sent as x-api-key (BATCHYARD_API_KEY).")
    var apiKey: String?

    @Option(help: "Profile to use from the profile file (BATCHYARD_PROFILE).")
    var profile: String?

    @Option(help: "Profile file (BATCHYARD_CONFIG; default ~/.config/batchyard/profile.json).")
    var config: String?

    @Flag(help: "Print JSON for scripts instead of text, and no progress.")
    var json = false

    /// The API these options point at.
    func api() throws(ClientError) -> BatchyardAPI {
        let environment = ProcessInfo.processInfo.environment
        let file = try ProfileFile.load(path: ClientSettings.profileFilePath(flag: config, environment: environment))
        let settings = try ClientSettings.resolve(
            flags: .init(url: url, org: org, sandbox: sandbox, token: token, apiKey: apiKey),
            profileName: profile, environment: environment, profileFile: file)
        return BatchyardAPI(settings: settings)
    }

    /// How transfers show progress: nothing with `--json` or `quiet`, a bar when standard error is
    /// a terminal, plain lines otherwise.
    func progressStyle(quiet: Bool = false) -> ProgressReporter.Style {
        if json || quiet { return .silent }
        guard isatty(STDERR_FILENO) == 1 else { return .plain }
        var size = winsize()
        let answer = withUnsafeMutablePointer(to: &size) { ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), $0) }
        if answer == 0, size.ws_col > 0 { return .terminal(width: Int(size.ws_col)) }
        return .terminal(width: Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80)
    }
}
