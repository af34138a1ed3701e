public import Corpus
public import Extraction
import Foundation

/// Progress of a running crawl, reported after every batch.
public struct CrawlProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var seconds: Double

    /// `files 120/966 · 10.3 MB · 48.1 files/s · 4.2 MB/s · ETA 18s`
    public var line: String {
        let rate = seconds > 0 ? Double(filesDone) / seconds : 0
        let mb = Double(bytesDone) / 1_048_576
        let mbRate = seconds > 0 ? mb / seconds : 0
        let eta = rate > 0 ? Double(filesTotal - filesDone) / rate : 0
        return String(
            format: "files %d/%d · %.1f MB · %.1f files/s · %.1f MB/s · ETA %.0fs", filesDone, filesTotal, mb, rate,
            mbRate, eta)
    }
}

/// What one crawl did: counts over this run's inputs, and every skipped file.
public struct CrawlSummary: Sendable {
    public var files = 0
    public var alreadyStored = 0
    public var pages = 0
    public var postsWithComments = 0
    public var comments = 0
    public var removedByAdmin = 0
    public var removedByAuthor = 0
    public var pending = 0
    public var pingbacks = 0
    public var bytes = 0
    public var seconds = 0.0
    public var skipped: [Diagnostic] = []
    /// True when the run stopped early on request; rerunning resumes it.
    public var interrupted = false

    /// A plain-text summary, one fact per line.
    public func render() -> String {
        var lines = [
            "files:              \(files)"
                + (alreadyStored > 0 ? " (\(alreadyStored) already in the corpus, passed over)" : ""),
            "pages extracted:    \(pages)",
            "posts with comments: \(postsWithComments)",
            "comments:           \(comments)",
            "removed:            \(removedByAdmin + removedByAuthor) (by admin \(removedByAdmin), by author \(removedByAuthor))",
            "pending:            \(pending)",
            "pingbacks:          \(pingbacks)",
            "files skipped:      \(skipped.count)",
        ]
        let reasons = Dictionary(grouping: skipped, by: \.kind)
        for (reason, list) in reasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(list.count) × \(reason)")
        }
        let mb = Double(bytes) / 1_048_576
        lines.append(
            String(
                format: "time:               %.2f s (%.1f files/s, %.1f MB/s)", seconds,
                seconds > 0 ? Double(files - alreadyStored) / seconds : 0, seconds > 0 ? mb / seconds : 0))
        if interrupted { lines.append("interrupted: run the same command again to resume") }
        return lines.joined(separator: "\n")
    }
}

/// A crawl over folders of saved pages into a corpus: parallel extraction, batched
/// writes, and resume (files whose digest is already stored are passed over).
public struct CrawlRun {
    public var paths: [String]
    public var jobs: Int
    public var maxPageBytes: Int
    public var profiles: ProfileSet
    /// Pages per stored transaction (and per progress report).
    public var batchSize = 256

    public init(paths: [String], jobs: Int, maxPageBytes: Int, profiles: ProfileSet) {
        self.paths = paths
        self.jobs = jobs
        self.maxPageBytes = maxPageBytes
        self.profiles = profiles
    }

    /// Runs the crawl into `corpus`.
    /// - Parameters:
    ///   - progress: called after each stored batch.
    ///   - diagnostic: called for each skipped file as it happens.
    ///   - shouldStop: polled between batches; when true the crawl stops cleanly.
    public func run(
        into corpus: CorpusStore, progress: (CrawlProgress) -> Void = { _ in },
        diagnostic: (Diagnostic) -> Void = { _ in }, shouldStop: () -> Bool = { false }
    ) throws -> CrawlSummary {
        let started = Date()
        let files = try InputDiscovery.pages(under: paths)
        let stored = try corpus.storedDigests()
        var summary = CrawlSummary()
        summary.files = files.count
        let reader = PageReader(profiles: profiles, maxPageBytes: maxPageBytes, jobs: jobs)
        struct Stop: Error {}
        do {
            let alreadyStored: @Sendable (String, String) -> Bool = { file, digest in stored[file] == digest }
            try reader.run(files: files, batchSize: batchSize, skip: alreadyStored) { batch in
                var inputs: [CaptureInput] = []
                for outcome in batch {
                    summary.bytes += outcome.bytes
                    if let d = outcome.diagnostic {
                        summary.skipped.append(d)
                        diagnostic(d)
                        inputs.append(
                            CaptureInput(
                                file: outcome.file, sha1: outcome.sha1, bytes: outcome.bytes, record: nil,
                                skippedReason: d.reason))
                    } else if let extraction = outcome.extraction {
                        count(extraction, into: &summary)
                        inputs.append(
                            CaptureInput(
                                file: outcome.file, sha1: outcome.sha1, bytes: outcome.bytes,
                                record: extraction.record, profile: extraction.profile,
                                charset: extraction.encoding, charsetSource: extraction.encodingSource.rawValue))
                    } else {
                        summary.alreadyStored += 1
                    }
                }
                try corpus.store(inputs)
                let done = summary.pages + summary.skipped.count + summary.alreadyStored
                progress(
                    CrawlProgress(
                        filesDone: done, filesTotal: files.count, bytesDone: summary.bytes,
                        seconds: Date().timeIntervalSince(started)))
                if shouldStop() { throw Stop() }
            }
        } catch is Stop {
            summary.interrupted = true
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private func count(_ extraction: PageExtraction, into summary: inout CrawlSummary) {
        let record = extraction.record
        summary.pages += 1
        if !record.comments.isEmpty { summary.postsWithComments += 1 }
        summary.comments += record.comments.count
        summary.pingbacks += record.pingbacks.count
        for comment in record.comments {
            switch comment.status {
            case .removedByAdmin: summary.removedByAdmin += 1
            case .removedByAuthor: summary.removedByAuthor += 1
            case .pending: summary.pending += 1
            default: break
            }
        }
    }
}
