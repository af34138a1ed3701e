import ArchiveURLs
import Corpus
public import Extraction
import Foundation
import Markup
import ThreadModel

/// The outcome of reading and extracting one input file.
public struct PageOutcome: Sendable {
    public var file: String
    public var bytes: Int
    /// SHA-1 of the file's bytes, when it could be read.
    public var sha1: String?
    public var extraction: PageExtraction?
    public var diagnostic: Diagnostic?
}

/// Reads pages from disk and extracts them on several threads, delivering the
/// outcomes in input order, batch by batch, so output is deterministic whatever
/// the number of jobs.
public final class PageReader: Sendable {
    private let limits: ParseLimits
    private let jobs: Int
    private let digests: Bool
    private let extractors: ExtractorCache
    /// ``ProfileSet/digest`` of the profiles this reader extracts with, stored with each
    /// capture so that a crawl with other profiles reads a stored page again.
    public let rulesDigest: String

    /// - Parameters:
    ///   - profiles: the profiles to extract with.
    ///   - maxPageBytes: pages larger than this are skipped with a diagnostic.
    ///   - jobs: worker threads (at least 1).
    ///   - digests: compute each file's SHA-1 (needed to store and resume, not to print).
    ///   - collectLinks: list each page's followable links (crawls need them, `extract` does not).
    public init(profiles: ProfileSet, maxPageBytes: Int, jobs: Int, digests: Bool = true, collectLinks: Bool = false) {
        self.rulesDigest = profiles.digest
        self.digests = digests
        self.limits = ParseLimits(maxBytes: maxPageBytes)
        self.jobs = max(1, jobs)
        self.extractors = ExtractorCache(
            profiles: profiles, limits: limits, collectLinks: collectLinks, count: self.jobs)
    }

    /// Extracts `files` and calls `deliver` with each batch of outcomes in order.
    /// - Parameter skip: files to pass over without parsing (already stored), decided
    ///   from their digest; called on worker threads.
    /// - Throws: ``CrawlError/profiles(_:)`` when a profile does not compile.
    public func run(
        files: [String], batchSize: Int = 256, skip: @Sendable (String, String) -> Bool = { _, _ in false },
        deliver: ([PageOutcome]) throws -> Void
    ) throws {
        var start = 0
        while start < files.count {
            let batch = files[start..<min(start + batchSize, files.count)].map { file in
                CaptureJob(
                    capture: CaptureInput(file: file, sha1: nil, bytes: 0, outcome: .indexed), payload: .file(file))
            }
            try deliver(
                try process(batch, skip: skip).map { item in
                    PageOutcome(
                        file: item.capture.file, bytes: item.capture.bytes, sha1: item.capture.sha1,
                        extraction: item.extraction, diagnostic: item.notes.first)
                })
            start += batch.count
        }
    }

    /// Extracts a batch of capture jobs on the worker threads; results in job order.
    func process(_ batch: [CaptureJob], skip: @Sendable (String, String) -> Bool) throws -> [ProcessedCapture] {
        guard !batch.isEmpty else { return [] }
        let pool = try extractors.pool()
        let slots = JobSlots(count: batch.count)
        let next = Counter()
        let limits = limits
        let digests = digests
        DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { worker in
            let extractor = pool[worker]
            while let i = next.take(below: batch.count) {
                slots.set(i, Self.process(batch[i], extractor: extractor, limits: limits, digests: digests, skip: skip))
            }
        }
        let rules = rulesDigest
        return slots.values.map { item in
            var item = item
            item.capture.rules = rules
            return item
        }
    }

    static func process(
        _ job: CaptureJob, extractor: ThreadExtractor, limits: ParseLimits, digests: Bool,
        skip: (String, String) -> Bool
    ) -> ProcessedCapture {
        var capture = job.capture
        var notes = job.notes
        var extraction: PageExtraction?
        switch job.payload {
        case .none:
            break
        case .file(let file):
            let located = SourceInfo(file: file, url: capture.url, captured: capture.captured)
            let outcome = process(
                file, located: located, extractor: extractor, maxBytes: limits.maxBytes, digests: digests, skip: skip)
            capture.sha1 = outcome.sha1
            capture.bytes = outcome.bytes
            if let d = outcome.diagnostic {
                notes.append(d)
                capture.outcome = .skipped(d.reason)
            } else if let e = outcome.extraction {
                extraction = e
                capture.url = e.record.source.url
                capture.captured = e.record.source.captured
            } else {
                return ProcessedCapture(capture: capture, notes: notes, extraction: nil, alreadyStored: true)
            }
        case .bytes(let body, let charset):
            let source = SourceInfo(
                file: capture.file, offset: capture.offset, url: capture.url, captured: capture.captured)
            let result: Result<PageExtraction, ExtractionError> = body.withUnsafeBytes { raw in
                do throws(ExtractionError) {
                    return .success(try extractor.extract(bytes: raw, source: source, declaredEncoding: charset))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let e): extraction = e
            case .failure(let error):
                let d = Diagnostic(
                    .error, file: capture.file, offset: capture.offset, reason: "skipped: \(error.description)",
                    kind: error.kind)
                notes.append(d)
                capture.outcome = .skipped(d.reason)
            }
        }
        if let extraction {
            capture.links = LinkForms.followable(extraction.links, page: capture.url ?? extraction.record.post.url)
            capture.outcome = .thread(extraction.record)
            capture.profile = extraction.profile
            capture.charset = extraction.encoding
            capture.charsetSource = extraction.encodingSource.rawValue
        }
        if case .skipped = capture.outcome {
        } else if extraction != nil || capture.mime == "text/html" {
            capture.pageKind =
                PageClassifier.kind(url: capture.url, mime: capture.mime, record: extraction?.record)
                .rawValue
        }
        return ProcessedCapture(capture: capture, notes: notes, extraction: extraction, alreadyStored: false)
    }

    static func process(
        _ file: String, located: SourceInfo = SourceInfo(file: ""), extractor: ThreadExtractor, maxBytes: Int,
        digests: Bool, skip: (String, String) -> Bool
    ) -> PageOutcome {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > maxBytes {
            let error = MarkupError.tooLarge(bytes: size, limit: maxBytes)
            return PageOutcome(
                file: file, bytes: size, sha1: nil, extraction: nil,
                diagnostic: Diagnostic(.error, file: file, reason: "skipped: \(error)", kind: error.kind))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file), options: [.mappedIfSafe])
        } catch {
            return PageOutcome(
                file: file, bytes: 0, sha1: nil, extraction: nil,
                diagnostic: Diagnostic(
                    .error, file: file, reason: "cannot read: \(Self.readReason(error))", kind: "unreadable file"))
        }
        var digest: String?
        if digests { digest = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in SHA1.hex(raw) } }
        if let digest, skip(file, digest) {
            return PageOutcome(file: file, bytes: data.count, sha1: digest, extraction: nil, diagnostic: nil)
        }
        // What the page says about where it was saved from beats what its path suggests.
        var source = SourceInfo(file: file, offset: 0, url: located.url, captured: located.captured)
        let provenance = PageProvenance(data: data)
        if let provenance {
            source.url = provenance.url ?? source.url
            source.captured = provenance.captured ?? source.captured
        }
        do {
            var extraction = try extractor.extract(data: data, source: source)
            if provenance?.tool == .waybackReplay { LinkForms.unwrapReplayLinks(in: &extraction) }
            return PageOutcome(file: file, bytes: data.count, sha1: digest, extraction: extraction, diagnostic: nil)
        } catch {
            return PageOutcome(
                file: file, bytes: data.count, sha1: digest, extraction: nil,
                diagnostic: Diagnostic(.error, file: file, reason: "skipped: \(error.description)", kind: error.kind))
        }
    }

    private static func readReason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        switch ns.code {
        case NSFileReadNoPermissionError: return "permission denied"
        case NSFileReadNoSuchFileError: return "no such file"
        default: return "file is not readable"
        }
    }
}

/// One processed capture: what to store, what to report, and the extraction for counting.
struct ProcessedCapture: Sendable {
    var capture: CaptureInput
    var notes: [Diagnostic]
    var extraction: PageExtraction?
    /// True for a saved page whose digest is already stored (nothing to do).
    var alreadyStored: Bool
}

/// Per-index job results written by workers, read after they finish.
private final class JobSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ProcessedCapture?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: ProcessedCapture) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [ProcessedCapture] { slots.map { $0! } }
}

/// One extractor per worker, compiled once and reused by every batch (extractors
/// are not thread-safe: worker `i` only ever uses extractor `i`).
private final class ExtractorCache: @unchecked Sendable {
    private let lock = NSLock()
    private let profiles: ProfileSet
    private let limits: ParseLimits
    private let collectLinks: Bool
    private let count: Int
    private var made: ExtractorPool?

    init(profiles: ProfileSet, limits: ParseLimits, collectLinks: Bool, count: Int) {
        self.profiles = profiles
        self.limits = limits
        self.collectLinks = collectLinks
        self.count = count
    }

    /// The extractors, compiled on first use.
    /// - Throws: ``CrawlError/profiles(_:)`` when a profile does not compile.
    func pool() throws -> ExtractorPool {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        do {
            let pool = ExtractorPool(
                try (0..<count).map { _ in
                    try ThreadExtractor(profiles: profiles, limits: limits, collectLinks: collectLinks)
                })
            made = pool
            return pool
        } catch {
            throw CrawlError.profiles("\(error)")
        }
    }
}

/// The workers' extractors, handed out by worker index.
private final class ExtractorPool: @unchecked Sendable {
    private let extractors: [ThreadExtractor]
    init(_ extractors: [ThreadExtractor]) { self.extractors = extractors }
    subscript(worker: Int) -> ThreadExtractor { extractors[worker] }
}

/// A shared index dispenser for workers.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        defer { value += 1 }
        return value
    }
}
