import ArgumentParser
import Foundation
import Pipeline

extension Threadminer {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the pipeline on the bundled sample archive into ./threadminer-demo/.")

        @Option(help: "The sample archive (default: notebooks-data/demo-archive of this checkout).")
        var archive: String?

        @Option(help: "Output folder.")
        var out: String = "threadminer-demo"

        @Option(help: "Worker threads.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func run() throws {
            guard let archive = archive ?? Pipeline.Demo.locateArchive(executable: CommandLine.arguments[0]) else {
                throw ValidationError(
                    "Cannot find notebooks-data/demo-archive; run from the threadminer checkout or pass --archive.")
            }
            print("threadminer demo: crawling \(archive)")
            let result = try Pipeline.Demo(archive: archive, output: out, jobs: jobs).run {
                Terminal.error($0.description)
            }
            print(result.crawl.render())
            let t = result.totals
            print(
                "corpus totals:      \(t.posts) posts, \(t.comments) comments, \(t.pingbacks) pingbacks, "
                    + (t.skipped == 1 ? "1 skipped file" : "\(t.skipped) skipped files"))
            print("")
            print("corpus:   \(result.corpusPath)")
            for file in result.csv { print("csv:      \(file.file) (\(file.rows) \(file.rows == 1 ? "row" : "rows"))") }
            print("")
            print("next: see one thread as a tree:")
            print("      \(CommandLine.arguments[0]) inspect \(result.examplePage ?? archive)")
            print("      load \(out)/csv/comments.csv in pandas or R, or open \(result.corpusPath) with sqlite3.")
        }
    }
}
