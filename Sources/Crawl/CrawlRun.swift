import ArchiveURLs
public import Corpus
import Exports
public import Extraction
import Foundation
import ThreadModel
import WebArchive

/// Progress of a running crawl, reported after every batch.
public struct CrawlProgress: Sendable {
    public var inputsDone: Int
    public var inputsTotal: Int
    /// Pages extracted so far.
    public var records: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var seconds: Double

    /// `files 3/12 · pages 1200 · 310.5/2048.0 MB · 48.1 pages/s · 4.2 MB/s · ETA 6m12s`
    public var line: String {
        let mb = Double(bytesDone) / 1_048_576
        let mbRate = seconds > 0 ? mb / seconds : 0
        let rate = seconds > 0 ? Double(records) / seconds : 0
        let eta = mbRate > 0 ? (Double(bytesTotal - bytesDone) / 1_048_576) / mbRate : 0
        let etaText =
            eta >= 60 ? String(format: "%dm%02ds", Int(eta) / 60, Int(eta) % 60) : String(format: "%.0fs", eta)
        return String(
            format: "files %d/%d · pages %d · %.1f/%.1f MB · %.1f pages/s · %.1f MB/s · ETA %@", inputsDone,
            inputsTotal, records, mb, Double(bytesTotal) / 1_048_576, rate, mbRate, etaText)
    }
}

/// What one crawl did: counts over this run's inputs, and every skipped record.
public struct CrawlSummary: Sendable {
    public var inputs = 0
    /// Archives and exports passed over because they are unchanged since a complete crawl.
    public var unchangedInputs = 0
    public var files = 0
    public var alreadyStored = 0
    /// WARC/ARC records met, by type.
    public var recordTypes: [String: Int] = [:]
    public var pages = 0
    public var pageKinds: [String: Int] = [:]
    public var platforms: [String: Int] = [:]
    /// Pages by the profile that read them (`none` when no profile recognised the page).
    public var profiles: [String: Int] = [:]
    /// Pages without comments in the capture whose comments a script service hosts.
    public var commentsHosted: [String: Int] = [:]
    /// Pages whose claimed comment count ("41 comments") does not fit what was found.
    public var countMismatches = 0
    public var postsWithComments = 0
    public var comments = 0
    public var statuses: [String: Int] = [:]
    public var pingbacks = 0
    public var revisits = 0
    public var bytes = 0
    public var seconds = 0.0
    public var postsRebuilt = 0
    /// Records that could not be used, with the reason.
    public var skipped: [Diagnostic] = []
    /// Damage read around (the records around it still landed).
    public var warnings: [Diagnostic] = []
    /// True when the run stopped early on request; rerunning resumes it.
    public var interrupted = false

    public var removedByAdmin: Int { statuses[CommentStatus.removedByAdmin.rawValue] ?? 0 }
    public var removedByAuthor: Int { statuses[CommentStatus.removedByAuthor.rawValue] ?? 0 }
    public var pending: Int { statuses[CommentStatus.pending.rawValue] ?? 0 }

    /// A plain-text summary, one fact per line. Counts are over the captures this run
    /// read (one post captured three times counts three times); the corpus totals,
    /// after merging captures, are ``CorpusTotals``.
    public func render() -> String {
        func counts(_ d: [String: Int]) -> String {
            d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var lines = [
            "inputs:             \(inputs)"
                + (unchangedInputs > 0 ? " (\(unchangedInputs) unchanged since the last crawl, passed over)" : ""),
            "files:              \(files)"
                + (alreadyStored > 0 ? " (\(alreadyStored) already in the corpus, passed over)" : ""),
        ]
        if !recordTypes.isEmpty { lines.append("archive records:    " + counts(recordTypes)) }
        lines += [
            "pages extracted:    \(pages)" + (pageKinds.isEmpty ? "" : " (" + counts(pageKinds) + ")"),
            "platforms:          " + (platforms.isEmpty ? "none" : counts(platforms)),
            "profiles:           " + (profiles.isEmpty ? "none" : counts(profiles)),
            "pages with comments: \(postsWithComments)",
            "comments hosted elsewhere: " + (commentsHosted.isEmpty ? "none" : counts(commentsHosted)),
            "claimed count differs: \(countMismatches) pages",
            "comments seen:      \(comments)" + (statuses.isEmpty ? "" : " (" + counts(statuses) + ")"),
            "removed:            \(removedByAdmin + removedByAuthor) (by admin \(removedByAdmin), by author \(removedByAuthor))",
            "pending:            \(pending)",
            "pingbacks seen:     \(pingbacks)",
            "revisits:           \(revisits)",
            "posts rebuilt:      \(postsRebuilt)",
            "records skipped:    \(skipped.count)",
        ]
        for (reason, list) in Dictionary(grouping: skipped, by: \.kind).sorted(by: { $0.key < $1.key }) {
            lines.append("  \(list.count) × \(reason)")
        }
        let listed = 20
        for d in skipped.prefix(listed) { lines.append("    \(d.description)") }
        if skipped.count > listed {
            lines.append("    … and \(skipped.count - listed) more (all in skipped.csv after export)")
        }
        lines.append("damage read around: \(warnings.count)")
        for (reason, list) in Dictionary(grouping: warnings, by: \.kind).sorted(by: { $0.key < $1.key }) {
            lines.append("  \(list.count) × \(reason)")
        }
        let mb = Double(bytes) / 1_048_576
        lines.append(
            String(
                format: "time:               %.2f s (%.1f pages/s, %.1f MB/s)", seconds,
                seconds > 0 ? Double(pages) / seconds : 0, seconds > 0 ? mb / seconds : 0))
        if unchangedInputs + alreadyStored == inputs && inputs > 0 && pages == 0 {
            lines.append("nothing to do: every input is unchanged since it was crawled")
        }
        if interrupted { lines.append("interrupted: run the same command again to resume") }
        return lines.joined(separator: "\n")
    }
}

/// A crawl over saved pages, WARC/ARC files and platform exports into a corpus:
/// parallel extraction, batched writes, and resume (saved pages whose digest is
/// stored are passed over; archives resume after their last stored record; an
/// unchanged input that was crawled completely is a no-op).
public struct CrawlRun {
    public var paths: [String]
    public var jobs: Int
    public var maxPageBytes: Int
    public var profiles: ProfileSet
    /// Records per stored transaction (and per progress report), at least 1.
    public var batchSize = 256 {
        didSet { batchSize = max(1, batchSize) }
    }
    /// HTML bytes per archive batch, bounding memory.
    public var batchBytes = 64 << 20

    public init(paths: [String], jobs: Int, maxPageBytes: Int, profiles: ProfileSet) {
        self.paths = paths
        self.jobs = jobs
        self.maxPageBytes = maxPageBytes
        self.profiles = profiles
    }

    private struct Stop: Error {}

    /// Runs the crawl into `corpus`.
    /// - Parameters:
    ///   - progress: called after each stored batch.
    ///   - diagnostic: called for each skipped record or damage as it happens.
    ///   - shouldStop: polled between batches; when true the crawl stops cleanly.
    public func run(
        into corpus: CorpusStore, progress: (CrawlProgress) -> Void = { _ in },
        diagnostic: (Diagnostic) -> Void = { _ in }, shouldStop: () -> Bool = { false }
    ) throws -> CrawlSummary {
        let started = Date()
        let inputs = try InputDiscovery.inputs(under: paths)
        // Posts left waiting by a run that was killed are rebuilt first.
        try corpus.consolidate()
        let sizes = inputs.map { (try? FileManager.default.attributesOfItem(atPath: $0.path))?[.size] as? Int ?? 0 }
        var state = RunState(
            summary: CrawlSummary(), totalBytes: sizes.reduce(0, +), totalInputs: inputs.count, started: started)
        state.summary.inputs = inputs.count
        let reader = PageReader(profiles: profiles, maxPageBytes: maxPageBytes, jobs: jobs, collectLinks: true)
        do {
            let pages = inputs.filter { $0.kind == .page }
            state.summary.files = pages.count
            try crawlPages(
                pages, reader: reader, corpus: corpus, state: &state, progress: progress,
                diagnostic: diagnostic, shouldStop: shouldStop)
            for input in inputs where input.kind != .page {
                switch input.kind {
                case .archive:
                    try crawlArchive(
                        input.path, reader: reader, corpus: corpus, state: &state, progress: progress,
                        diagnostic: diagnostic, shouldStop: shouldStop)
                case .export:
                    try crawlExport(input.path, corpus: corpus, state: &state, diagnostic: diagnostic)
                case .page: break
                }
                state.inputsDone += 1
            }
        } catch is Stop {
            state.summary.interrupted = true
        }
        state.summary.postsRebuilt = try corpus.consolidate()
        state.summary.seconds = Date().timeIntervalSince(started)
        return state.summary
    }

    /// Counters shared by the input kinds.
    struct RunState {
        var summary: CrawlSummary
        var totalBytes: Int
        var totalInputs: Int
        var started: Date
        var inputsDone = 0
        var bytesDone = 0

        func progressLine() -> CrawlProgress {
            CrawlProgress(
                inputsDone: inputsDone, inputsTotal: totalInputs, records: summary.pages, bytesDone: bytesDone,
                bytesTotal: totalBytes, seconds: Date().timeIntervalSince(started))
        }
    }

    private func crawlPages(
        _ files: [CrawlInput], reader: PageReader, corpus: CorpusStore, state: inout RunState,
        progress: (CrawlProgress) -> Void, diagnostic: (Diagnostic) -> Void, shouldStop: () -> Bool
    ) throws {
        guard !files.isEmpty else { return }
        let stored = try corpus.storedDigests(rules: reader.rulesDigest)
        let alreadyStored: @Sendable (String, String) -> Bool = { file, digest in stored[file] == digest }
        var layouts: [String: FolderLayout] = [:]
        var start = 0
        while start < files.count {
            let batch = files[start..<min(start + batchSize, files.count)].map { input in
                var capture = CaptureInput(file: input.path, sha1: nil, bytes: 0, outcome: .indexed)
                if let root = input.root, input.path.hasPrefix(root + "/") {
                    let layout = layouts[root] ?? FolderLayout.detect(root: root)
                    layouts[root] = layout
                    let located = MirrorPath(String(input.path.dropFirst(root.count + 1)), layout: layout)
                    capture.url = located.url
                    capture.captured = located.captured
                }
                return CaptureJob(capture: capture, payload: .file(input.path))
            }
            let processed = try reader.process(batch, skip: alreadyStored)
            var captures: [CaptureInput] = []
            for item in processed {
                state.bytesDone += item.capture.bytes
                state.summary.bytes += item.capture.bytes
                if item.alreadyStored {
                    state.summary.alreadyStored += 1
                    continue
                }
                record(item, into: &state.summary, diagnostic: diagnostic)
                captures.append(item.capture)
            }
            try corpus.store(captures)
            start += batch.count
            state.inputsDone += batch.count
            progress(state.progressLine())
            if shouldStop() { throw Stop() }
        }
    }

    private func crawlArchive(
        _ path: String, reader: PageReader, corpus: CorpusStore, state: inout RunState,
        progress: (CrawlProgress) -> Void, diagnostic: (Diagnostic) -> Void, shouldStop: () -> Bool
    ) throws {
        let streams: [ArchiveSource]
        do {
            let found = try ArchiveSource.streams(of: path)
            streams = found.sources
            for problem in found.problems {
                let d = Diagnostic(.error, file: path, reason: "skipped: \(problem.reason)", kind: problem.kind)
                state.summary.skipped.append(d)
                diagnostic(d)
            }
        } catch {
            let d = Diagnostic(.error, file: path, reason: "skipped: \(error)", kind: "unreadable file")
            state.summary.skipped.append(d)
            diagnostic(d)
            return
        }
        for source in streams {
            try crawlStream(
                source, reader: reader, corpus: corpus, state: &state, progress: progress, diagnostic: diagnostic,
                shouldStop: shouldStop)
        }
    }

    /// One WARC/ARC stream; a WACZ's WARCs each have their own progress, keyed by
    /// their name and fingerprinted with the whole package.
    private func crawlStream(
        _ source: ArchiveSource, reader: PageReader, corpus: CorpusStore, state: inout RunState,
        progress: (CrawlProgress) -> Void, diagnostic: (Diagnostic) -> Void, shouldStop: () -> Bool
    ) throws {
        let path = source.name
        guard var mark = InputFingerprint.progress(path: source.path, kind: .archive, rules: profiles.digest) else {
            let d = Diagnostic(.error, file: path, reason: "skipped: cannot read this file", kind: "unreadable file")
            state.summary.skipped.append(d)
            diagnostic(d)
            return
        }
        mark.path = path
        if let range = source.range { mark.size = range.count }
        var resumeAt = 0
        if let previous = try corpus.inputProgress(path: path) {
            if previous.fingerprint == mark.fingerprint {
                if previous.complete {
                    state.summary.unchangedInputs += 1
                    state.bytesDone += mark.size
                    return
                }
                resumeAt = previous.resumeRecord
            } else {
                try corpus.forgetInput(path: path)
            }
        }
        let scanner: ArchiveScanner
        do {
            scanner = try ArchiveScanner(source: source, maxPageBytes: maxPageBytes, resumeRecord: resumeAt)
        } catch {
            let d = Diagnostic(.error, file: path, reason: "skipped: \(error)", kind: "unreadable file")
            state.summary.skipped.append(d)
            diagnostic(d)
            return
        }
        let base = state.bytesDone
        defer { for (type, n) in scanner.recordTypes { state.summary.recordTypes[type, default: 0] += n } }
        var jobs = scanner.nextBatch(count: batchSize, bytes: batchBytes)
        while !jobs.isEmpty || !scanner.finished {
            for d in scanner.takeDamage() {
                state.summary.warnings.append(d)
                diagnostic(d)
            }
            // Extract this batch on the workers while the next one is read and inflated.
            let extraction = BackgroundBatch(reader: reader, jobs: jobs)
            let next = scanner.finished ? [] : scanner.nextBatch(count: batchSize, bytes: batchBytes)
            let processed = try extraction.wait()
            var captures: [CaptureInput] = []
            for item in processed {
                state.summary.bytes += item.capture.bytes
                record(item, into: &state.summary, diagnostic: diagnostic)
                captures.append(item.capture)
            }
            // Rows and progress commit together: a rerun resumes at the first unstored record.
            mark.complete = scanner.finished && next.isEmpty
            mark.resumeRecord = mark.complete ? scanner.resumePoint : next.first?.sequence ?? scanner.resumePoint
            try corpus.store(captures, progress: mark)
            state.bytesDone = base + scanner.bytesRead
            progress(state.progressLine())
            jobs = next
            if mark.complete { break }
            if shouldStop() { throw Stop() }
        }
        for d in scanner.takeDamage() {
            state.summary.warnings.append(d)
            diagnostic(d)
        }
        if !mark.complete {
            mark.complete = true
            mark.resumeRecord = scanner.resumePoint
            try corpus.store([], progress: mark)
        }
    }

    private func crawlExport(
        _ path: String, corpus: CorpusStore, state: inout RunState, diagnostic: (Diagnostic) -> Void
    ) throws {
        func skip(_ reason: String, kind: String) {
            let d = Diagnostic(.error, file: path, reason: "skipped: \(reason)", kind: kind)
            state.summary.skipped.append(d)
            diagnostic(d)
        }
        guard var mark = InputFingerprint.progress(path: path, kind: .export, rules: "") else {
            return skip("cannot read this file", kind: "unreadable file")
        }
        state.bytesDone += mark.size
        if let previous = try corpus.inputProgress(path: path) {
            if previous.fingerprint == mark.fingerprint && previous.complete {
                state.summary.unchangedInputs += 1
                return
            }
            try corpus.forgetInput(path: path)
        }
        let contents: ExportContents
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: [.mappedIfSafe])
            contents = try ExportReader.read(data, path: path)
        } catch let error as ExportError {
            return skip(error.description, kind: "bad export")
        } catch {
            return skip("cannot read this file", kind: "unreadable file")
        }
        for problem in contents.problems {
            let d = Diagnostic(
                .warning, file: path, offset: problem.entry, reason: "line \(problem.line): \(problem.reason)",
                kind: "export entry")
            state.summary.warnings.append(d)
            diagnostic(d)
        }
        var captures: [CaptureInput] = []
        for record in contents.records {
            var capture = CaptureInput(
                file: path, offset: record.source.offset, recordType: "export", sha1: nil, bytes: 0,
                outcome: .thread(record))
            capture.url = record.post.url
            capture.pageKind = PageKind.post.rawValue
            captures.append(capture)
            count(record, pageKind: capture.pageKind, into: &state.summary)
        }
        state.summary.bytes += mark.size
        mark.complete = true
        mark.resumeRecord = contents.records.count
        try corpus.store(captures, progress: mark)
    }

    /// Counts one processed capture and reports its problems.
    private func record(_ item: ProcessedCapture, into summary: inout CrawlSummary, diagnostic: (Diagnostic) -> Void) {
        for note in item.notes {
            if note.severity == .error { summary.skipped.append(note) } else { summary.warnings.append(note) }
            diagnostic(note)
        }
        if case .revisit = item.capture.outcome { summary.revisits += 1 }
        guard let extraction = item.extraction else { return }
        count(extraction.record, pageKind: item.capture.pageKind, into: &summary)
    }

    private func count(_ record: ThreadRecord, pageKind: String?, into summary: inout CrawlSummary) {
        summary.pages += 1
        if let kind = pageKind { summary.pageKinds[kind, default: 0] += 1 }
        summary.platforms[record.platform ?? "none", default: 0] += 1
        summary.profiles[record.profile ?? "none", default: 0] += 1
        if let service = record.commentsHosted { summary.commentsHosted[service, default: 0] += 1 }
        if record.claimedCountFits == false { summary.countMismatches += 1 }
        if !record.comments.isEmpty { summary.postsWithComments += 1 }
        summary.comments += record.comments.count
        summary.pingbacks += record.pingbacks.count
        for comment in record.comments { summary.statuses[comment.status.rawValue, default: 0] += 1 }
    }
}

/// One batch extracted on a background thread while the caller reads the next.
private final class BackgroundBatch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[ProcessedCapture], any Error> = .success([])

    init(reader: PageReader, jobs: [CaptureJob]) {
        DispatchQueue.global().async { [self] in
            result = Result { try reader.process(jobs, skip: { _, _ in false }) }
            done.signal()
        }
    }

    /// The batch's results, once the workers are done.
    func wait() throws -> [ProcessedCapture] {
        done.wait()
        return try result.get()
    }
}
