import Foundation
import GRDB
import ThreadModel

extension CorpusStore {
    /// Rebuilds the posts whose captures changed since the last call: each post's
    /// comments are merged over all its captures (revisits resolved to the payload
    /// they repeat, comment pages joined in page order). Idempotent, and safe to
    /// interrupt: the dirty marks are cleared in the transaction that rebuilds a post.
    /// - Returns: the number of posts rebuilt.
    @discardableResult
    public func consolidate(batchSize: Int = 200) throws -> Int {
        var total = 0
        while true {
            var done = 0
            try write { db in
                let ids = try String.fetchAll(
                    db, sql: "SELECT post_id FROM dirty_posts ORDER BY post_id LIMIT ?", arguments: [batchSize])
                for id in ids {
                    try Self.rebuild(post: id, in: db)
                    try db.execute(sql: "DELETE FROM dirty_posts WHERE post_id = ?", arguments: [id])
                }
                done = ids.count
            }
            total += done
            if done < batchSize { return total }
        }
    }

    /// Positions from 1 in merged order. Position-based ids (`p3`) only mean something
    /// inside one capture, so they become `p<merged position>`, and replies follow them.
    static func renumber(_ comments: inout [TimelineComment]) {
        var renamed: [String: String] = [:]
        for i in comments.indices {
            comments[i].comment.position = i + 1
            let id = comments[i].comment.id
            guard id.first == "p", id.dropFirst().allSatisfy(\.isNumber) else { continue }
            let new = "p\(i + 1)"
            if renamed[id] == nil { renamed[id] = new }
            comments[i].comment.id = new
        }
        for i in comments.indices {
            if let parent = comments[i].comment.parent, let new = renamed[parent] { comments[i].comment.parent = new }
        }
    }

    /// Posts waiting to be rebuilt.
    public func dirtyPostCount() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dirty_posts") ?? 0 }
    }

    /// A stored capture of a post, with its thread (resolved for revisits).
    private struct StoredCapture {
        var captureID: String
        var file: String
        var offset: Int
        var captured: String?
        var commentPage: Int
        var record: ThreadRecord
    }

    private static func rebuild(post id: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM posts WHERE post_id = ?", arguments: [id])
        let captures = try storedCaptures(of: id, in: db)
        guard !captures.isEmpty else { return }
        let pages = Dictionary(grouping: captures, by: \.commentPage)
        var comments: [TimelineComment] = []
        var seenKeys = Set<String>()
        for page in pages.keys.sorted() {
            let snapshots = pages[page, default: []].map {
                ThreadSnapshot(captured: $0.captured, file: $0.file, offset: $0.offset, record: $0.record)
            }
            // A comment shown on several pages (Blogger's single-comment views) is kept once.
            for item in ThreadTimeline.merge(snapshots) where seenKeys.insert(item.key).inserted {
                comments.append(item)
            }
        }
        renumber(&comments)
        // The post as the latest capture of its first page shows it.
        let firstPage = pages[pages.keys.min() ?? 1, default: captures]
        let owner = firstPage.max {
            ($0.captured ?? "", $0.record.comments.count, $1.file, $1.offset)
                < ($1.captured ?? "", $1.record.comments.count, $0.file, $0.offset)
        }!
        let dates = captures.compactMap(\.captured).sorted()
        let post = owner.record.post
        // Pingbacks: the owner's, then those only other captures show (an export's pending ones).
        var pingbacks = owner.record.pingbacks
        var linked = Set(pingbacks.map { $0.url ?? $0.title ?? "" })
        for capture in captures where capture.captureID != owner.captureID {
            for p in capture.record.pingbacks where linked.insert(p.url ?? p.title ?? "").inserted {
                pingbacks.append(p)
            }
        }
        try db.execute(
            sql: """
                INSERT INTO posts (post_id, capture_id, blog_host, url, platform, profile, comments_hosted, title,
                    author, published, published_raw, comment_count_shown, comments_found, pingbacks_found,
                    captures, comment_pages, first_captured, last_captured)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, owner.captureID, post.url.flatMap(Ids.host), post.url, owner.record.platform,
                owner.record.profile, comments.isEmpty ? owner.record.commentsHosted : nil, post.title,
                post.author, post.published, post.publishedRaw, post.commentCountShown, comments.count,
                pingbacks.count, captures.count, pages.count, dates.first, dates.last,
            ])
        let insertComment = try db.cachedStatement(
            sql: """
                INSERT INTO comments (comment_key, post_id, capture_id, id, parent, position, depth, author,
                    author_url, is_post_author, is_anonymous, published, published_raw, published_relative, status,
                    text, first_seen, last_seen, status_changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for item in comments {
            let c = item.comment
            try insertComment.execute(arguments: [
                id + "/" + c.id, id, owner.captureID, c.id, c.parent, c.position, c.depth, c.author, c.authorURL,
                c.isPostAuthor, c.isAnonymous, c.published, c.publishedRaw, c.publishedRelative, c.status.rawValue,
                c.text, item.firstSeen, item.lastSeen, item.statusChanged,
            ])
        }
        let insertPingback = try db.cachedStatement(
            sql: """
                INSERT INTO pingbacks (post_id, position, capture_id, url, title, published, status)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (i, p) in pingbacks.enumerated() {
            try insertPingback.execute(arguments: [
                id, i + 1, owner.captureID, p.url, p.title, p.published, p.status.rawValue,
            ])
        }
    }

    /// The post's captures with their threads; a revisit takes the thread of the
    /// capture whose payload it repeats (the latest such capture not after it,
    /// else the earliest; ties by file and offset), and is left out when that
    /// payload is not in the corpus.
    private static func storedCaptures(of id: String, in db: Database) throws -> [StoredCapture] {
        var out: [StoredCapture] = []
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT capture_id, source_file, source_offset, captured, comment_page, outcome, thread,
                       refers_to_digest, url
                FROM captures WHERE post_id = ? AND outcome IN ('thread', 'revisit')
                ORDER BY source_file, source_offset
                """, arguments: [id])
        for row in rows {
            var thread: String? = row[6]
            if row[5] as String == "revisit" {
                guard let digest = row[7] as String? else { continue }
                thread = try String.fetchOne(
                    db,
                    sql: """
                        SELECT thread FROM captures WHERE outcome = 'thread' AND payload_digest = ?
                            AND (page_kind IS NULL OR page_kind IN ('post', 'comment-page'))
                        ORDER BY (captured IS NOT NULL AND captured <= ?) DESC,
                                 CASE WHEN captured <= ? THEN captured END DESC, captured, source_file, source_offset
                        LIMIT 1
                        """, arguments: [digest, row[3] as String?, row[3] as String?])
            }
            guard let thread, var record = try? ThreadRecord.decode(jsonLine: Data(thread.utf8)) else { continue }
            record.source = SourceInfo(
                file: row[1], offset: row[2], url: row[8] as String? ?? record.source.url, captured: row[3])
            out.append(
                StoredCapture(
                    captureID: row[0], file: row[1], offset: row[2], captured: row[3],
                    commentPage: row[4] as Int? ?? 1, record: record))
        }
        return out
    }
}
