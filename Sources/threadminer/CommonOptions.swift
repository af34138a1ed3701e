import ArgumentParser
import Extraction
import Foundation

/// Options shared by the commands that extract pages.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-page-mb"), help: "Skip pages larger than this many MB.")
    var maxPageMB: Int = 32

    @Option(
        name: .customLong("profiles"),
        help: ArgumentHelp(
            "A folder of *.json profiles laid over the bundled ones (same name replaces).",
            valueName: "dir"))
    var profilesDirectory: String?

    var maxPageBytes: Int { maxPageMB << 20 }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard (1...600).contains(maxPageMB) else { throw ValidationError("--max-page-mb must be between 1 and 600.") }
    }

    func profiles() throws -> ProfileSet {
        try catalog().profileSet
    }

    func catalog() throws -> ProfileCatalog {
        try ProfileCatalog.load(userDirectory: profilesDirectory.map { URL(fileURLWithPath: $0) })
    }
}
