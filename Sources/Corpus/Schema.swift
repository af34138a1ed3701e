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
        return m
    }
}
