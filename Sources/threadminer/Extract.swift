import ArgumentParser
import Crawl
import Foundation

extension Threadminer {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the thread records of pages as JSON lines (schema threadminer.thread/1).",
            discussion: "Records go to stdout in sorted input order; skipped files are reported on stderr.")

        @Argument(help: "HTML files or folders of saved pages.")
        var paths: [String]

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let inputs = try InputDiscovery.inputs(under: paths)
            let files = inputs.filter { $0.kind == .page }.map(\.path)
            let others = inputs.count - files.count
            if others > 0 {
                Terminal.error(
                    "extract reads saved pages only: \(others) WARC/ARC or export files not read (use crawl for them)")
            }
            let reader = PageReader(
                profiles: try options.profiles(), maxPageBytes: options.maxPageBytes, jobs: options.jobs,
                digests: false)
            let out = StandardOutput()
            var skipped = 0
            try reader.run(files: files) { batch in
                for outcome in batch {
                    if let diagnostic = outcome.diagnostic {
                        skipped += 1
                        Terminal.error(diagnostic.description)
                    }
                    if let record = outcome.extraction?.record {
                        try out.write(try record.jsonLine())
                        try out.write("\n")
                    }
                }
            }
            try out.flush()
            if skipped > 0 { Terminal.error("\(skipped) of \(files.count) files skipped") }
        }
    }
}
