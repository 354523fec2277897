import Foundation
import Testing
@testable import BatchyardClient

@Suite("Connection settings: flags > environment > profile > defaults")
struct ClientSettingsTests {
    let file = ProfileFile(defaultProfile: "local", profiles: [
        "local": .init(url: "http://profile:1", org: "ProfileOrg@AdobeOrg", token: "profile-token"),
        "shared": .init(url: "https://shared.example.com/", sandbox: "dev", apiKey: "shared-key"),
    ])

    @Test("each value comes from the first layer that has it")
    func precedence() throws {
        let settings = try ClientSettings.resolve(
            flags: .init(url: "http://flag:2"), profileName: nil,
            environment: ["BATCHYARD_URL": "http://env:3", "BATCHYARD_ORG": "EnvOrg@AdobeOrg", "BATCHYARD_TOKEN": ""],
            profileFile: file)
        #expect(settings == ClientSettings(
            baseURL: "http://flag:2", org: "EnvOrg@AdobeOrg", sandbox: "prod", token: "profile-token",
            apiKey: "batchyard-cli"))
    }

    @Test("with nothing given, the defaults talk to a local `serve --auth dev`")
    func defaults() throws {
        let settings = try ClientSettings.resolve(flags: .init(), profileName: nil, environment: [:], profileFile: nil)
        #expect(settings == .defaults)
        #expect(settings.headers.map(\.0) == ["Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name"])
    }

    @Test("a profile is picked by --profile, then BATCHYARD_PROFILE, then the file's default")
    func profiles() throws {
        let named = try ClientSettings.resolve(flags: .init(), profileName: "shared", environment: [:], profileFile: file)
        #expect(named.baseURL == "https://shared.example.com" && named.sandbox == "dev" && named.apiKey == "shared-key")
        let fromEnvironment = try ClientSettings.resolve(
            flags: .init(), profileName: nil, environment: ["BATCHYARD_PROFILE": "shared"], profileFile: file)
        #expect(fromEnvironment.baseURL == "https://shared.example.com")
        let fallback = try ClientSettings.resolve(flags: .init(), profileName: nil, environment: [:], profileFile: file)
        #expect(fallback.baseURL == "http://profile:1" && fallback.org == "ProfileOrg@AdobeOrg")
        #expect(throws: ClientError.self) {
            try ClientSettings.resolve(flags: .init(), profileName: "nope", environment: [:], profileFile: file)
        }
        do {
            _ = try ClientSettings.resolve(flags: .init(), profileName: "nope", environment: [:], profileFile: file)
        } catch {
            #expect(error.exitStatus == .usage)
            #expect(error.message == "There is no profile named 'nope'; the profile file has: local, shared.")
        }
    }

    @Test("a URL without a scheme is a usage error")
    func badURL() {
        #expect(throws: ClientError(.usage, "The server URL must start with http:// or https://, not 'localhost:8080'.")) {
            try ClientSettings.resolve(flags: .init(url: "localhost:8080"), profileName: nil, environment: [:], profileFile: nil)
        }
    }

    @Test("the profile file's path and format")
    func profileFile() throws {
        #expect(ClientSettings.profileFilePath(flag: "/x.json", environment: ["BATCHYARD_CONFIG": "/y"]) == "/x.json")
        #expect(ClientSettings.profileFilePath(flag: nil, environment: ["BATCHYARD_CONFIG": "/y"]) == "/y")
        #expect(ClientSettings.profileFilePath(flag: nil, environment: ["XDG_CONFIG_HOME": "/c"]) == "/c/batchyard/profile.json")
        #expect(ClientSettings.profileFilePath(flag: nil, environment: ["HOME": "/h"]) == "/h/.config/batchyard/profile.json")
        let path = NSTemporaryDirectory() + "profile-\(UUID().uuidString).json"
        try #"{"default": "a", "profiles": {"a": {"url": "http://a:1", "apiKey": "k"}}}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ProfileFile.load(path: path)
        #expect(loaded == ProfileFile(defaultProfile: "a", profiles: ["a": .init(url: "http://a:1", apiKey: "k")]))
        #expect(try ProfileFile.load(path: path + ".missing") == nil)
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ClientError.self) { try ProfileFile.load(path: path) }
    }
}
