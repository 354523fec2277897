import ArgumentParser

/// The `batchyard` command: the server and the tools around it.
@main
struct Batchyard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchyard",
        abstract: "A self-hosted dataset catalog and batch-ingestion service, API-compatible with AEP.",
        subcommands: [ServeCommand.self, CredentialsCommand.self],
        defaultSubcommand: ServeCommand.self)
}
