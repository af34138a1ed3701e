import Foundation
import GRDB
public import ThreadModel

/// What a crawl hands the store for one input record: either a thread or the
/// reason it was skipped, with provenance.
public struct CaptureInput: Sendable {
    public var file: String
    public var offset: Int
    public var sha1: String?
    public var bytes: Int
    public var record: ThreadRecord?
    public var profile: String?
    public var charset: String?
    public var charsetSource: String?
    /// Why the record was skipped; `nil` when `record` is set.
    public var skippedReason: String?

    public init(
        file: String, offset: Int = 0, sha1: String?, bytes: Int, record: ThreadRecord?, profile: String? = nil,
        charset: String? = nil, charsetSource: String? = nil, skippedReason: String? = nil
    ) {
        self.file = file
        self.offset = offset
        self.sha1 = sha1
        self.bytes = bytes
        self.record = record
        self.profile = profile
        self.charset = charset
        self.charsetSource = charsetSource
        self.skippedReason = skippedReason
    }
}

/// Errors opening or writing the corpus, with the path and what to do.
public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The SQLite corpus: one table per unit (captures, posts, comments, pingbacks),
/// stable text ids, and idempotent writes — storing the same input twice changes
/// nothing, and storing inputs in any order or batching gives the same rows.
///
/// When several captures show the same post (same canonical URL), the post's
/// thread comes from the capture with the most comments, ties going to the
/// smallest (file, offset): a total order, so the result is order-independent.
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
    public func storedDigests() throws -> [String: String] {
        try queue.read { db in
            var out: [String: String] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT source_file, sha1 FROM captures WHERE source_offset = 0 AND sha1 IS NOT NULL")
            while let row = try rows.next() { out[row[0]] = row[1] }
            return out
        }
    }

    /// Stores a batch in one transaction.
    public func store(_ batch: [CaptureInput]) throws {
        do {
            try queue.write { db in
                for input in batch { try Self.store(input, in: db) }
            }
        } catch let error as DatabaseError {
            throw CorpusError(path: path, reason: "write failed: \(error.message ?? "\(error)")")
        }
    }

    private static func store(_ input: CaptureInput, in db: Database) throws {
        let captureID = Ids.capture(file: input.file, offset: input.offset)
        if let existing = try String.fetchOne(
            db, sql: "SELECT sha1 FROM captures WHERE capture_id = ?", arguments: [captureID]),
            existing == input.sha1
        {
            return
        }
        try db.execute(sql: "DELETE FROM captures WHERE capture_id = ?", arguments: [captureID])
        let record = input.record
        let warnings = try record.map { String(decoding: try JSONEncoder().encode($0.warnings), as: UTF8.self) }
        try db.execute(
            sql: """
                INSERT INTO captures (capture_id, source_file, source_offset, url, captured, sha1, bytes,
                    charset, charset_source, platform, profile, outcome, reason, warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                captureID, input.file, input.offset, record?.source.url ?? record?.post.url,
                record?.source.captured, input.sha1, input.bytes, input.charset, input.charsetSource,
                record?.platform, input.profile, record == nil ? "skipped" : "thread", input.skippedReason,
                warnings,
            ])
        guard let record else { return }
        let postID = Ids.post(url: record.post.url, file: input.file, offset: input.offset)
        if let current = try Row.fetchOne(
            db,
            sql: """
                SELECT p.comments_found, c.source_file, c.source_offset FROM posts p
                JOIN captures c ON c.capture_id = p.capture_id WHERE p.post_id = ?
                """, arguments: [postID])
        {
            let mine = (-record.comments.count, input.file, input.offset)
            let theirs = (-(current[0] as Int), current[1] as String, current[2] as Int)
            guard mine < theirs else { return }
            try db.execute(sql: "DELETE FROM posts WHERE post_id = ?", arguments: [postID])
        }
        try insert(record, postID: postID, captureID: captureID, in: db)
    }

    private static func insert(_ record: ThreadRecord, postID: String, captureID: String, in db: Database) throws {
        let post = record.post
        try db.execute(
            sql: """
                INSERT INTO posts (post_id, capture_id, blog_host, url, platform, title, author, published,
                    published_raw, comment_count_shown, comments_found, pingbacks_found)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                postID, captureID, post.url.flatMap(Ids.host), post.url, record.platform, post.title, post.author,
                post.published, post.publishedRaw, post.commentCountShown, record.comments.count,
                record.pingbacks.count,
            ])
        let insertComment = try db.cachedStatement(
            sql: """
                INSERT INTO comments (comment_key, post_id, capture_id, id, parent, position, depth, author,
                    author_url, is_post_author, published, published_raw, status, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for c in record.comments {
            try insertComment.execute(arguments: [
                postID + "/" + c.id, postID, captureID, c.id, c.parent, c.position, c.depth, c.author, c.authorURL,
                c.isPostAuthor, c.published, c.publishedRaw, c.status.rawValue, c.text,
            ])
        }
        let insertPingback = try db.cachedStatement(
            sql: """
                INSERT INTO pingbacks (post_id, position, capture_id, url, title, published)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for (i, p) in record.pingbacks.enumerated() {
            try insertPingback.execute(arguments: [postID, i + 1, captureID, p.url, p.title, p.published])
        }
    }
}

/// Stable, order-independent row ids derived from content provenance.
public enum Ids {
    /// `sha1(file NUL offset)`, first 16 hex digits.
    public static func capture(file: String, offset: Int) -> String {
        String(SHA1.hex(file + "\u{0}" + String(offset)).prefix(16))
    }

    /// From the canonical post URL when known, else from the capture.
    public static func post(url: String?, file: String, offset: Int) -> String {
        if let url, let canonical = canonicalURL(url) { return String(SHA1.hex(canonical).prefix(16)) }
        return String(SHA1.hex("capture:" + file + "\u{0}" + String(offset)).prefix(16))
    }

    /// Lower-cased scheme and host, no fragment, no `showComment`/`replytocom` query,
    /// `http` and `https` merged.
    public static func canonicalURL(_ url: String) -> String? {
        guard var parts = URLComponents(string: url.trimmingCharacters(in: .whitespaces)), parts.host != nil else {
            return nil
        }
        parts.scheme = "http"
        parts.host = parts.host?.lowercased()
        parts.fragment = nil
        let dropped: Set<String> = [
            "showcomment", "replytocom", "m", "utm_source", "utm_medium", "utm_campaign", "utm_content",
        ]
        let kept = (parts.queryItems ?? []).filter { !dropped.contains($0.name.lowercased()) }
        parts.queryItems = kept.isEmpty ? nil : kept
        return parts.string
    }

    static func host(_ url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }
}
