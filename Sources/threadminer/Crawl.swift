import ArgumentParser
import Corpus
import Crawl
import Foundation

extension Threadminer {
    struct Crawl: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crawl saved pages, WARC/ARC files and blog exports into the corpus.",
            discussion: """
                Inputs may be mixed: folders (walked recursively: saved pages, *.warc[.gz], \
                *.arc[.gz], and Blogger/WordPress export *.xml files), or single files of any \
                of these kinds. Every archive record is indexed with its URL, capture time, \
                file and offset; HTML pages are extracted, revisits resolved to the payload \
                they repeat, and each post is rebuilt from all its captures over time \
                (comments that vanished or were removed between captures keep their text \
                and the time it happened). Damaged records are reported (file, offset, \
                reason), counted and read around. Rerunning resumes an interrupted crawl \
                after its last stored record and passes over unchanged inputs.
                """)

        @Argument(help: "Folders, HTML files, WARC/ARC files or export files.")
        var paths: [String]

        @Option(help: "The corpus database.")
        var db: String = "corpus.sqlite"

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw CrawlError.missingInput(path)
            }
            let corpus = try CorpusStore(path: db)
            let stop = InterruptFlag.install()
            let run = CrawlRun(
                paths: paths, jobs: options.jobs, maxPageBytes: options.maxPageBytes, profiles: try options.profiles())
            let summary = try run.run(
                into: corpus, progress: { Terminal.progress($0.line) },
                diagnostic: { d in
                    Terminal.endProgress()
                    Terminal.error(d.description)
                }, shouldStop: { stop.isSet })
            Terminal.endProgress()
            print(summary.render())
            let totals = try corpus.totals()
            let skippedFiles = totals.skipped == 1 ? "1 skipped file" : "\(totals.skipped) skipped files"
            print(
                "corpus totals:      \(totals.posts) posts, \(totals.comments) comments, \(totals.pingbacks) pingbacks, "
                    + skippedFiles)
            if totals.postsWithSeveralCaptures > 0 {
                print(
                    "posts captured more than once: \(totals.postsWithSeveralCaptures) (vanished comments: \(totals.vanished))"
                )
            }
            if totals.missingPosts + totals.missingCommentPages > 0 {
                print(
                    "linked but not in the archive: \(totals.missingPosts) posts, \(totals.missingCommentPages) comment pages "
                        + "(threads may be incomplete; see missing_pages in the export)")
            }
            print("corpus:             \(db)")
            if summary.interrupted { throw ExitCode(130) }
        }
    }
}

/// Turns the first SIGINT into a request to stop after the current batch; a second
/// SIGINT ends the process at once (the corpus stays consistent either way).
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    private var source: (any DispatchSourceSignal)?

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return set
    }

    static func install() -> InterruptFlag {
        let flag = InterruptFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [flag] in
            flag.lock.lock()
            let second = flag.set
            flag.set = true
            flag.lock.unlock()
            if second { exit(130) }
            Terminal.error("\ninterrupt: finishing the current batch; press Ctrl-C again to stop at once")
        }
        source.resume()
        flag.source = source
        return flag
    }
}
