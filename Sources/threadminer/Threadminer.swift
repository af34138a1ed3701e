import ArgumentParser

@main
struct Threadminer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadminer",
        abstract: "Rebuild, measure and export reader-comment threads from archived blogs.",
        version: "0.1.0",
        subcommands: [
            Demo.self, Crawl.self, Inspect.self, Extract.self, Profiles.self, Records.self, Export.self, Evaluate.self,
        ])
}
