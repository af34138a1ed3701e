import GRDB

/// A table exported row by row: column names and, per row, one optional text per column.
public struct TableDump: Sendable {
    public var name: String
    public var columns: [String]
}

/// Counts over the whole corpus.
public struct CorpusTotals: Sendable, Equatable {
    public var captures = 0
    public var skipped = 0
    public var posts = 0
    public var postsWithComments = 0
    public var comments = 0
    public var removedByAdmin = 0
    public var removedByAuthor = 0
    public var pending = 0
    public var vanished = 0
    public var pingbacks = 0
    /// Posts seen in more than one capture.
    public var postsWithSeveralCaptures = 0
    /// Posts and comment pages linked from captured pages but not captured themselves.
    public var missingPosts = 0
    public var missingCommentPages = 0
}

extension CorpusStore {
    /// The exported tables, their columns in order, and their stable sort order.
    /// Column names follow the thread record (`id`, `parent`, `author_url`, …).
    static let exports: [(table: TableDump, sql: String)] = [
        (
            TableDump(
                name: "posts",
                columns: [
                    "post_id", "url", "blog_host", "platform", "profile", "comments_hosted", "title", "author",
                    "published", "published_raw", "comment_count_shown", "comments_found", "pingbacks_found",
                    "captures", "comment_pages", "first_captured", "last_captured", "source_file", "source_offset",
                    "captured", "sha1",
                ]),
            """
            SELECT p.post_id, p.url, p.blog_host, p.platform, p.profile, p.comments_hosted, p.title, p.author,
                   p.published, p.published_raw,
                   p.comment_count_shown, p.comments_found, p.pingbacks_found, p.captures, p.comment_pages,
                   p.first_captured, p.last_captured, c.source_file, c.source_offset, c.captured, c.sha1
            FROM posts p JOIN captures c ON c.capture_id = p.capture_id
            ORDER BY p.post_id
            """
        ),
        (
            TableDump(
                name: "comments",
                columns: [
                    "post_id", "id", "parent", "position", "depth", "author", "author_url", "is_post_author",
                    "is_anonymous", "published", "published_raw", "published_relative", "status", "text",
                    "first_seen", "last_seen", "status_changed",
                ]),
            """
            SELECT post_id, id, parent, position, depth, author, author_url,
                   CASE is_post_author WHEN 1 THEN 'true' ELSE 'false' END,
                   CASE is_anonymous WHEN 1 THEN 'true' ELSE 'false' END,
                   published, published_raw,
                   CASE published_relative WHEN 1 THEN 'true' ELSE 'false' END,
                   status, text, first_seen, last_seen, status_changed
            FROM comments ORDER BY post_id, position
            """
        ),
        (
            TableDump(name: "pingbacks", columns: ["post_id", "position", "url", "title", "published", "status"]),
            "SELECT post_id, position, url, title, published, status FROM pingbacks ORDER BY post_id, position"
        ),
        (
            TableDump(
                name: "captures",
                columns: [
                    "capture_id", "source_file", "source_offset", "source_length", "record_type", "url", "captured",
                    "mime", "http_status", "page_kind", "platform", "profile", "post_id", "outcome",
                ]),
            """
            SELECT capture_id, source_file, source_offset, source_length, record_type, url, captured, mime,
                   http_status, page_kind, platform, profile, post_id, outcome
            FROM captures WHERE outcome != 'indexed' OR page_kind IS NOT NULL
            ORDER BY source_file, source_offset
            """
        ),
        (
            TableDump(name: "missing_pages", columns: ["url", "comment_page", "kind", "linked_from"]),
            """
            SELECT target, page, kind, count(DISTINCT capture_id) FROM links l
            WHERE kind IN ('post', 'comment-page') AND NOT EXISTS (
                SELECT 1 FROM captures c WHERE c.canonical_url = l.target AND c.comment_page = l.page
                    AND c.outcome IN ('thread', 'revisit'))
            GROUP BY target, page, kind ORDER BY target, page
            """
        ),
        (
            TableDump(name: "skipped", columns: ["source_file", "source_offset", "bytes", "reason"]),
            """
            SELECT source_file, source_offset, bytes, reason FROM captures WHERE outcome = 'skipped'
            ORDER BY source_file, source_offset
            """
        ),
    ]

    /// The tables ``forEachRow(of:_:)`` can export, in export order.
    public static var exportedTables: [TableDump] { exports.map(\.table) }

    /// Calls `body` with every row of an exported table in its stable order; `nil`
    /// is an unknown value. Rows are read with a cursor, one at a time.
    public func forEachRow(of table: String, _ body: ([String?]) throws -> Void) throws {
        guard let entry = Self.exports.first(where: { $0.table.name == table }) else {
            throw CorpusError(path: path, reason: "no exported table named \(table)")
        }
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: entry.sql)
            while let row = try rows.next() {
                try body(
                    (0..<row.count).map { i -> String? in
                        switch row[i] as DatabaseValue? {
                        case nil: return nil
                        case let value?:
                            switch value.storage {
                            case .null: return nil
                            case .int64(let n): return String(n)
                            case .double(let d): return String(d)
                            case .string(let s): return s
                            case .blob: return nil
                            }
                        }
                    })
            }
        }
    }

    /// The saved page of the post with the deepest reply nesting (ties: most
    /// comments, then file name), or `nil` when the corpus has no saved pages.
    public func deepestThreadSource() throws -> String? {
        try queue.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT c.source_file FROM posts p JOIN captures c ON c.capture_id = p.capture_id
                    JOIN comments m ON m.post_id = p.post_id
                    WHERE c.record_type = 'file'
                    GROUP BY p.post_id ORDER BY max(m.depth) DESC, count(*) DESC, c.source_file LIMIT 1
                    """)
        }
    }

    /// Counts over everything stored.
    public func totals() throws -> CorpusTotals {
        try queue.read { db in
            var t = CorpusTotals()
            t.captures = try Int.fetchOne(db, sql: "SELECT count(*) FROM captures") ?? 0
            t.skipped = try Int.fetchOne(db, sql: "SELECT count(*) FROM captures WHERE outcome = 'skipped'") ?? 0
            t.posts = try Int.fetchOne(db, sql: "SELECT count(*) FROM posts") ?? 0
            t.postsWithComments = try Int.fetchOne(db, sql: "SELECT count(*) FROM posts WHERE comments_found > 0") ?? 0
            t.comments = try Int.fetchOne(db, sql: "SELECT count(*) FROM comments") ?? 0
            let byStatus = try Row.fetchAll(db, sql: "SELECT status, count(*) FROM comments GROUP BY status")
            for row in byStatus {
                switch row[0] as String {
                case "removed_by_admin": t.removedByAdmin = row[1]
                case "removed_by_author": t.removedByAuthor = row[1]
                case "pending": t.pending = row[1]
                case "vanished": t.vanished = row[1]
                default: break
                }
            }
            t.pingbacks = try Int.fetchOne(db, sql: "SELECT count(*) FROM pingbacks") ?? 0
            t.postsWithSeveralCaptures = try Int.fetchOne(db, sql: "SELECT count(*) FROM posts WHERE captures > 1") ?? 0
            let missing = Self.exports.first { $0.table.name == "missing_pages" }!.sql
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM (\(missing)) GROUP BY kind") {
                if row[0] as String == "post" { t.missingPosts = row[1] } else { t.missingCommentPages = row[1] }
            }
            return t
        }
    }
}
