import GRDB

/// The corpus schema and its migrations. Add a migration; never edit a shipped one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: captures, posts, comments, pingbacks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE captures (
                        capture_id TEXT PRIMARY KEY NOT NULL,
                        source_file TEXT NOT NULL,
                        source_offset INTEGER NOT NULL,
                        url TEXT,
                        captured TEXT,
                        sha1 TEXT,
                        bytes INTEGER NOT NULL,
                        charset TEXT,
                        charset_source TEXT,
                        platform TEXT,
                        profile TEXT,
                        outcome TEXT NOT NULL CHECK (outcome IN ('thread', 'skipped')),
                        reason TEXT,
                        warnings TEXT,
                        UNIQUE (source_file, source_offset)
                    );
                    CREATE TABLE posts (
                        post_id TEXT PRIMARY KEY NOT NULL,
                        capture_id TEXT NOT NULL REFERENCES captures(capture_id) ON DELETE CASCADE,
                        blog_host TEXT,
                        url TEXT,
                        platform TEXT,
                        title TEXT,
                        author TEXT,
                        published TEXT,
                        published_raw TEXT,
                        comment_count_shown INTEGER,
                        comments_found INTEGER NOT NULL,
                        pingbacks_found INTEGER NOT NULL
                    );
                    CREATE INDEX posts_capture ON posts(capture_id);
                    CREATE TABLE comments (
                        comment_key TEXT PRIMARY KEY NOT NULL,
                        post_id TEXT NOT NULL REFERENCES posts(post_id) ON DELETE CASCADE,
                        capture_id TEXT NOT NULL,
                        id TEXT NOT NULL,
                        parent TEXT,
                        position INTEGER NOT NULL,
                        depth INTEGER NOT NULL,
                        author TEXT,
                        author_url TEXT,
                        is_post_author INTEGER NOT NULL,
                        published TEXT,
                        published_raw TEXT,
                        status TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX comments_post ON comments(post_id, position);
                    CREATE TABLE pingbacks (
                        post_id TEXT NOT NULL REFERENCES posts(post_id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        capture_id TEXT NOT NULL,
                        url TEXT,
                        title TEXT,
                        published TEXT,
                        PRIMARY KEY (post_id, position)
                    );
                    """)
        }
        m.registerMigration("v2: every capture kept with its thread, posts merged over time, inputs") { db in
            // v1 stored only each post's winning thread, which cannot be merged over time:
            // its rows are dropped and a re-crawl of the same inputs rebuilds them.
            try db.execute(
                sql: """
                    DROP TABLE pingbacks;
                    DROP TABLE comments;
                    DROP TABLE posts;
                    DROP TABLE captures;
                    CREATE TABLE captures (
                        capture_id TEXT PRIMARY KEY NOT NULL,
                        source_file TEXT NOT NULL,
                        source_offset INTEGER NOT NULL,
                        source_length INTEGER,
                        offset_is_decoded INTEGER NOT NULL DEFAULT 0,
                        record_type TEXT NOT NULL,
                        url TEXT,
                        canonical_url TEXT,
                        captured TEXT,
                        mime TEXT,
                        http_status INTEGER,
                        payload_digest TEXT,
                        refers_to_digest TEXT,
                        refers_to_url TEXT,
                        sha1 TEXT,
                        bytes INTEGER NOT NULL,
                        charset TEXT,
                        charset_source TEXT,
                        platform TEXT,
                        profile TEXT,
                        page_kind TEXT,
                        comment_page INTEGER,
                        post_id TEXT,
                        outcome TEXT NOT NULL CHECK (outcome IN ('thread', 'skipped', 'revisit', 'indexed')),
                        reason TEXT,
                        warnings TEXT,
                        thread TEXT,
                        UNIQUE (source_file, source_offset, offset_is_decoded)
                    );
                    CREATE INDEX captures_post ON captures(post_id);
                    CREATE INDEX captures_canonical ON captures(canonical_url, comment_page);
                    CREATE TABLE links (
                        capture_id TEXT NOT NULL REFERENCES captures(capture_id) ON DELETE CASCADE,
                        target TEXT NOT NULL,
                        page INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        PRIMARY KEY (capture_id, target, page)
                    );
                    CREATE INDEX links_target ON links(target, page);
                    CREATE INDEX captures_digest ON captures(payload_digest) WHERE outcome = 'thread';
                    CREATE INDEX captures_refers ON captures(refers_to_digest) WHERE outcome = 'revisit';
                    CREATE TABLE dirty_posts (post_id TEXT PRIMARY KEY NOT NULL);
                    CREATE TABLE posts (
                        post_id TEXT PRIMARY KEY NOT NULL,
                        capture_id TEXT NOT NULL,
                        blog_host TEXT,
                        url TEXT,
                        platform TEXT,
                        title TEXT,
                        author TEXT,
                        published TEXT,
                        published_raw TEXT,
                        comment_count_shown INTEGER,
                        comments_found INTEGER NOT NULL,
                        pingbacks_found INTEGER NOT NULL,
                        captures INTEGER NOT NULL,
                        comment_pages INTEGER NOT NULL,
                        first_captured TEXT,
                        last_captured TEXT
                    );
                    CREATE TABLE comments (
                        comment_key TEXT PRIMARY KEY NOT NULL,
                        post_id TEXT NOT NULL REFERENCES posts(post_id) ON DELETE CASCADE,
                        capture_id TEXT NOT NULL,
                        id TEXT NOT NULL,
                        parent TEXT,
                        position INTEGER NOT NULL,
                        depth INTEGER NOT NULL,
                        author TEXT,
                        author_url TEXT,
                        is_post_author INTEGER NOT NULL,
                        published TEXT,
                        published_raw TEXT,
                        status TEXT NOT NULL,
                        text TEXT NOT NULL,
                        first_seen TEXT,
                        last_seen TEXT,
                        status_changed TEXT
                    );
                    CREATE INDEX comments_post ON comments(post_id, position);
                    CREATE TABLE pingbacks (
                        post_id TEXT NOT NULL REFERENCES posts(post_id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        capture_id TEXT NOT NULL,
                        url TEXT,
                        title TEXT,
                        published TEXT,
                        status TEXT NOT NULL,
                        PRIMARY KEY (post_id, position)
                    );
                    CREATE TABLE inputs (
                        path TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        modified TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        complete INTEGER NOT NULL,
                        resume_record INTEGER NOT NULL
                    );
                    """)
        }
        m.registerMigration("v3: rules per capture; profile, hosted comments, anonymous and relative-date flags") {
            db in
            // Existing posts are queued for a rebuild, which fills the new columns from the
            // stored threads (threads extracted before v3 carry no flags: re-crawl for them).
            try db.execute(
                sql: """
                    ALTER TABLE captures ADD COLUMN rules TEXT;
                    ALTER TABLE posts ADD COLUMN profile TEXT;
                    ALTER TABLE posts ADD COLUMN comments_hosted TEXT;
                    ALTER TABLE comments ADD COLUMN is_anonymous INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE comments ADD COLUMN published_relative INTEGER NOT NULL DEFAULT 0;
                    INSERT OR IGNORE INTO dirty_posts (post_id) SELECT post_id FROM posts;
                    """)
        }
        return m
    }
}
