import ArgumentParser
import BatchyardClient
import Foundation

/// The `batchyard` command: the server and the tools around it.
@main
struct Batchyard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchyard",
        abstract: "A self-hosted dataset catalog and batch-ingestion service, API-compatible with AEP.",
        subcommands: [
            ServeCommand.self, CredentialsCommand.self, DatasetsCommand.self, SchemasCommand.self,
            BatchesCommand.self, IngestCommand.self, FilesCommand.self,
        ],
        defaultSubcommand: ServeCommand.self)

    /// The client commands, whose usage errors exit with 2 (`ExitStatus.usage`) rather than
    /// ArgumentParser's 64, which `serve` keeps.
    static let clientCommands: Set<String> = ["datasets", "schemas", "batches", "ingest", "files"]

    /// Runs the command; client errors print their one sentence and exit with their status.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let isClient = arguments.first.map { clientCommands.contains($0) } ?? false
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ClientError {
            FileHandle.standardError.write(Data("batchyard: \(error.message)\n".utf8))
            Foundation.exit(error.exitStatus.rawValue)
        } catch {
            if isClient, exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
