import ArchiveURLs
import Foundation
import GRDB
public import ThreadModel

/// What became of one input record.
public enum CaptureOutcome: Sendable {
    /// A page whose thread was extracted.
    case thread(ThreadRecord)
    /// A record that could not be used, with the reason.
    case skipped(String)
    /// A WARC revisit: the same payload as an earlier capture (`refersToDigest`).
    case revisit
    /// A record kept in the index only (not HTML, a request, an error response).
    case indexed
}

/// A link from a captured page to a post, comment page or listing of the same blog.
public struct CaptureLink: Sendable, Equatable {
    /// The canonical URL linked to.
    public var target: String
    /// The comment page linked to (1 for the post page itself).
    public var page: Int
    /// `post`, `comment-page` or `index`.
    public var kind: String

    public init(target: String, page: Int, kind: String) {
        self.target = target
        self.page = page
        self.kind = kind
    }
}

/// What a crawl hands the store for one input record: its provenance and outcome.
public struct CaptureInput: Sendable {
    public var file: String
    /// Where the record starts (see `ArchiveRecord.offset`); 0 for a whole file.
    public var offset: Int
    public var length: Int?
    public var offsetIsDecoded = false
    /// `file` for a saved page, `export` for a platform export, else the WARC type.
    public var recordType: String
    public var url: String?
    public var captured: String?
    public var mime: String?
    public var httpStatus: Int?
    public var payloadDigest: String?
    public var refersToDigest: String?
    public var refersToURL: String?
    public var sha1: String?
    public var bytes: Int
    public var profile: String?
    /// A digest of the extraction rules the capture was read with: a capture stored with
    /// other rules is read again even when its bytes are unchanged.
    public var rules: String?
    public var charset: String?
    public var charsetSource: String?
    /// `post`, `comment-page`, `index`, `feed`, `other`.
    public var pageKind: String?
    /// Links to follow inside the archive (thread captures only).
    public var links: [CaptureLink] = []
    public var outcome: CaptureOutcome

    public init(
        file: String, offset: Int = 0, recordType: String = "file", sha1: String?, bytes: Int,
        outcome: CaptureOutcome
    ) {
        self.file = file
        self.offset = offset
        self.recordType = recordType
        self.sha1 = sha1
        self.bytes = bytes
        self.outcome = outcome
    }

    /// The thread, when one was extracted.
    public var record: ThreadRecord? {
        if case .thread(let record) = outcome { return record }
        return nil
    }
}

/// Errors opening or writing the corpus, with the path and what to do.
public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The SQLite corpus: one table per unit (captures, posts, comments, pingbacks,
/// inputs), stable text ids, and idempotent writes — storing the same input twice
/// changes nothing, and storing inputs in any order or batching gives the same rows.
///
/// Every capture keeps its own thread. A post's rows are rebuilt from all captures
/// of its canonical URL by ``consolidate()`` (see ``ThreadTimeline``), a pure
/// function of the stored captures, so the result does not depend on their order.
public final class CorpusStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating if needed) the corpus at `path` and migrates it to the current schema.
    /// - Throws: ``CorpusError`` when the file cannot be opened or is not a threadminer corpus.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.label = "threadminer.corpus"
        do {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try Schema.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw CorpusError(path: path, reason: "cannot open corpus: \(error.message ?? "\(error)")")
        } catch {
            throw CorpusError(path: path, reason: "cannot open corpus: \(error.localizedDescription)")
        }
    }

    /// SHA-1 digests of the whole-file captures already stored, by file, so a rerun
    /// can pass over what it finished before.
    /// Only captures read with the extraction rules `rules` count.
    public func storedDigests(rules: String?) throws -> [String: String] {
        try queue.read { db in
            var out: [String: String] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT source_file, sha1 FROM captures
                    WHERE record_type = 'file' AND sha1 IS NOT NULL AND rules IS ?
                    """, arguments: [rules])
            while let row = try rows.next() { out[row[0]] = row[1] }
            return out
        }
    }

    /// Stores a batch in one transaction (with the input's progress, when given, so
    /// progress and rows can never disagree after a crash).
    public func store(_ batch: [CaptureInput], progress: InputProgress? = nil) throws {
        try write { db in
            for input in batch { try Self.store(input, in: db) }
            if let progress { try progress.save(in: db) }
        }
    }

    func write(_ body: (Database) throws -> Void) throws {
        do {
            try queue.write { db in try body(db) }
        } catch let error as DatabaseError {
            throw CorpusError(path: path, reason: "write failed: \(error.message ?? "\(error)")")
        }
    }

    private static func store(_ input: CaptureInput, in db: Database) throws {
        let captureID = Ids.capture(file: input.file, offset: input.offset, decoded: input.offsetIsDecoded)
        if let existing = try Row.fetchOne(
            db, sql: "SELECT sha1, post_id, rules FROM captures WHERE capture_id = ?", arguments: [captureID])
        {
            if let sha1 = input.sha1, existing[0] as String? == sha1, existing[2] as String? == input.rules { return }
            if let oldPost = existing[1] as String? { try markDirty(oldPost, in: db) }
            // Revisits elsewhere that repeated the old payload lose their thread too.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO dirty_posts (post_id)
                    SELECT r.post_id FROM captures r JOIN captures c ON c.capture_id = ?
                    WHERE r.outcome = 'revisit' AND r.post_id IS NOT NULL AND r.refers_to_digest = c.payload_digest
                    """, arguments: [captureID])
            try db.execute(sql: "DELETE FROM captures WHERE capture_id = ?", arguments: [captureID])
        }
        let record = input.record
        var reason: String?
        var outcome = "indexed"
        switch input.outcome {
        case .thread: outcome = "thread"
        case .skipped(let why):
            outcome = "skipped"
            reason = why
        case .revisit: outcome = "revisit"
        case .indexed: break
        }
        let url = input.url ?? record?.source.url ?? record?.post.url
        let canonical = url.flatMap(Ids.canonicalURL)
        // Listing pages, feeds and other pages are captures, not posts. A revisit is
        // attached by URL; consolidation keeps it only if what it repeats is a post.
        let carriesThread = input.pageKind == nil || input.pageKind == "post" || input.pageKind == "comment-page"
        var postID: String?
        switch input.outcome {
        case .thread(let r) where carriesThread:
            postID = Ids.post(url: r.post.url ?? url, file: input.file, offset: input.offset)
        case .revisit where canonical != nil:
            postID = Ids.post(url: url, file: input.file, offset: input.offset)
        default: break
        }
        let warnings = try record.map { String(decoding: try JSONEncoder().encode($0.warnings), as: UTF8.self) }
        let thread = try record.map { String(decoding: try $0.jsonLine(), as: UTF8.self) }
        try db.execute(
            sql: """
                INSERT INTO captures (capture_id, source_file, source_offset, source_length, offset_is_decoded,
                    record_type, url, canonical_url, captured, mime, http_status, payload_digest, refers_to_digest,
                    refers_to_url, sha1, bytes, charset, charset_source, platform, profile, rules, page_kind,
                    comment_page, post_id, outcome, reason, warnings, thread)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                captureID, input.file, input.offset, input.length, input.offsetIsDecoded, input.recordType, url,
                canonical, input.captured ?? record?.source.captured, input.mime, input.httpStatus,
                input.payloadDigest, input.refersToDigest, input.refersToURL, input.sha1, input.bytes, input.charset,
                input.charsetSource, record?.platform, input.profile, input.rules, input.pageKind,
                url.map(Ids.commentPage), postID, outcome, reason, warnings, thread,
            ])
        if let postID { try markDirty(postID, in: db) }
        let insertLink = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO links (capture_id, target, page, kind) VALUES (?, ?, ?, ?)")
        for link in input.links {
            try insertLink.execute(arguments: [captureID, link.target, link.page, link.kind])
        }
        if case .thread = input.outcome, let digest = input.payloadDigest {
            // Revisits of this payload (stored earlier, perhaps under another URL) can now be resolved.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO dirty_posts (post_id)
                    SELECT post_id FROM captures WHERE outcome = 'revisit' AND refers_to_digest = ? AND post_id IS NOT NULL
                    """, arguments: [digest])
        }
    }

    static func markDirty(_ postID: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO dirty_posts (post_id) VALUES (?)", arguments: [postID])
    }
}

/// Stable, order-independent row ids derived from content provenance.
public enum Ids {
    /// `sha1(file NUL offset)`, first 16 hex digits; offsets that count decompressed
    /// bytes (records sharing a gzip member) are told apart from file offsets.
    public static func capture(file: String, offset: Int, decoded: Bool = false) -> String {
        String(SHA1.hex(file + "\u{0}" + String(offset) + (decoded ? "\u{0}decoded" : "")).prefix(16))
    }

    /// From the canonical post URL when known, else from the capture.
    public static func post(url: String?, file: String, offset: Int) -> String {
        if let url, let canonical = canonicalURL(url) { return String(SHA1.hex(canonical).prefix(16)) }
        return String(SHA1.hex("capture:" + file + "\u{0}" + String(offset)).prefix(16))
    }

    /// One post, one URL: Wayback-rewritten links unwrapped, then ``CanonicalURL``
    /// (scheme, `www.`, ports, trailing slash, tracking, session and comment-view
    /// parameters, fragments); `nil` for text that is not an absolute http(s) URL.
    public static func canonicalURL(_ url: String) -> String? {
        CanonicalURL.canonical(WaybackURL.unwrap(url))
    }

    /// The comment page a URL shows (`/comment-page-2/`, `?cpage=2`); 1 for the post
    /// page itself and for single-comment views, which show the whole first page.
    public static func commentPage(_ url: String) -> Int {
        guard let link = CommentPageLink(url), case .page(let n) = link.position else { return 1 }
        return n
    }

    static func host(_ url: String) -> String? {
        CanonicalURL.host(url)
    }
}
