import GRDB

/// How far a crawl got through one input file, stored with the rows it produced so
/// that a rerun after a crash or Ctrl-C resumes exactly where the rows end.
public struct InputProgress: Sendable, Equatable {
    public var path: String
    /// `page`, `archive` or `export`.
    public var kind: String
    public var size: Int
    /// Modification time as seconds since 1970, as text.
    public var modified: String
    /// A digest of the file's size, first and last bytes: changes when the file does.
    public var fingerprint: String
    /// True once every record of the file is stored.
    public var complete: Bool
    /// Where reading resumes: the number (from 0, in file order) of the first record
    /// not yet stored. Record numbers always grow, unlike offsets, which count
    /// compressed or decompressed bytes depending on the record.
    public var resumeRecord: Int

    public init(
        path: String, kind: String, size: Int, modified: String, fingerprint: String, complete: Bool,
        resumeRecord: Int
    ) {
        self.path = path
        self.kind = kind
        self.size = size
        self.modified = modified
        self.fingerprint = fingerprint
        self.complete = complete
        self.resumeRecord = resumeRecord
    }

    func save(in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO inputs (path, kind, size, modified, fingerprint, complete, resume_record)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, size = excluded.size,
                    modified = excluded.modified, fingerprint = excluded.fingerprint,
                    complete = excluded.complete, resume_record = excluded.resume_record
                """,
            arguments: [path, kind, size, modified, fingerprint, complete, resumeRecord])
    }
}

extension CorpusStore {
    /// The stored progress of an input file, if a crawl has seen it.
    public func inputProgress(path: String) throws -> InputProgress? {
        try queue.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT path, kind, size, modified, fingerprint, complete, resume_record FROM inputs
                        WHERE path = ?
                        """, arguments: [path])
            else { return nil }
            return InputProgress(
                path: row[0], kind: row[1], size: row[2], modified: row[3], fingerprint: row[4],
                complete: row[5], resumeRecord: row[6])
        }
    }

    /// Forgets the stored records of an input that changed since it was crawled, and
    /// marks for rebuilding every post they fed, revisits elsewhere included.
    public func forgetInput(path: String) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO dirty_posts (post_id)
                    SELECT r.post_id FROM captures r WHERE r.outcome = 'revisit' AND r.post_id IS NOT NULL
                        AND r.refers_to_digest IN (
                            SELECT payload_digest FROM captures WHERE source_file = ? AND outcome = 'thread')
                    """, arguments: [path])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO dirty_posts (post_id)
                    SELECT post_id FROM captures WHERE source_file = ? AND post_id IS NOT NULL
                    """, arguments: [path])
            try db.execute(sql: "DELETE FROM captures WHERE source_file = ?", arguments: [path])
            try db.execute(sql: "DELETE FROM inputs WHERE path = ?", arguments: [path])
        }
    }
}
