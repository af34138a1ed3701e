/// Moderation state of one comment as the archived page shows it.
public enum CommentStatus: String, Codable, Sendable, CaseIterable {
    case visible
    case removedByAdmin = "removed_by_admin"
    case removedByAuthor = "removed_by_author"
    case pending
    /// Held as spam by the platform (a WordPress export's `spam` approval state).
    case spam
    case deleted
    case vanished
}

/// Where a thread record came from: the input file, the byte offset of the record
/// inside it (0 for a plain file), the page URL and the capture time when known.
public struct SourceInfo: Codable, Sendable, Equatable {
    public var file: String
    public var offset: Int
    public var url: String?
    public var captured: String?

    public init(file: String, offset: Int = 0, url: String? = nil, captured: String? = nil) {
        self.file = file
        self.offset = offset
        self.url = url
        self.captured = captured
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(offset, forKey: .offset)
        try c.encode(url, forKey: .url)
        try c.encode(captured, forKey: .captured)
    }
}

/// The post a comment thread belongs to, as the page presents it.
public struct PostRecord: Codable, Sendable, Equatable {
    public var url: String?
    public var title: String?
    public var author: String?
    /// ISO 8601 local date or date-time, `nil` when the page does not settle it.
    public var published: String?
    /// The text the published value was read from.
    public var publishedRaw: String?
    /// The number of comments the page itself claims ("41 comments:").
    public var commentCountShown: Int?

    public init(
        url: String? = nil, title: String? = nil, author: String? = nil, published: String? = nil,
        publishedRaw: String? = nil, commentCountShown: Int? = nil
    ) {
        self.url = url
        self.title = title
        self.author = author
        self.published = published
        self.publishedRaw = publishedRaw
        self.commentCountShown = commentCountShown
    }

    enum CodingKeys: String, CodingKey {
        case url, title, author, published
        case publishedRaw = "published_raw"
        case commentCountShown = "comment_count_shown"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(author, forKey: .author)
        try c.encode(published, forKey: .published)
        try c.encode(publishedRaw, forKey: .publishedRaw)
        try c.encode(commentCountShown, forKey: .commentCountShown)
    }
}

/// One comment, or one placeholder of a removed comment, at its place in the thread.
public struct CommentRecord: Codable, Sendable, Equatable {
    /// Platform comment id when the page has one, else `p<position>`; unique in its record.
    public var id: String
    /// The `id` of the comment this one is structurally nested under; `nil` = top level.
    public var parent: String?
    /// Document order from 1.
    public var position: Int
    /// Nesting depth from 1 (top level).
    public var depth: Int
    public var author: String?
    public var authorURL: String?
    public var isPostAuthor: Bool
    /// ISO 8601 local date-time (no zone), `nil` when the page does not settle it.
    public var published: String?
    public var publishedRaw: String?
    /// True when `published` was computed from a relative byline ("3 years ago") and
    /// the capture time, so it is only as exact as the byline's unit.
    public var publishedRelative: Bool
    /// True when the page marks the author as anonymous or unverified ("Anonymous",
    /// "(not verified)"); the marker itself is removed from `author`.
    public var isAnonymous: Bool
    public var status: CommentStatus
    public var text: String

    public init(
        id: String, parent: String? = nil, position: Int, depth: Int = 1, author: String? = nil,
        authorURL: String? = nil, isPostAuthor: Bool = false, published: String? = nil,
        publishedRaw: String? = nil, publishedRelative: Bool = false, isAnonymous: Bool = false,
        status: CommentStatus = .visible, text: String
    ) {
        self.id = id
        self.parent = parent
        self.position = position
        self.depth = depth
        self.author = author
        self.authorURL = authorURL
        self.isPostAuthor = isPostAuthor
        self.published = published
        self.publishedRaw = publishedRaw
        self.publishedRelative = publishedRelative
        self.isAnonymous = isAnonymous
        self.status = status
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case id, parent, position, depth, author
        case authorURL = "author_url"
        case isPostAuthor = "is_post_author"
        case published
        case publishedRaw = "published_raw"
        case publishedRelative = "published_relative"
        case isAnonymous = "is_anonymous"
        case status, text
    }

    /// Reads records written before `published_relative` and `is_anonymous` existed as `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        position = try c.decode(Int.self, forKey: .position)
        depth = try c.decode(Int.self, forKey: .depth)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        authorURL = try c.decodeIfPresent(String.self, forKey: .authorURL)
        isPostAuthor = try c.decode(Bool.self, forKey: .isPostAuthor)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        publishedRaw = try c.decodeIfPresent(String.self, forKey: .publishedRaw)
        publishedRelative = try c.decodeIfPresent(Bool.self, forKey: .publishedRelative) ?? false
        isAnonymous = try c.decodeIfPresent(Bool.self, forKey: .isAnonymous) ?? false
        status = try c.decode(CommentStatus.self, forKey: .status)
        text = try c.decode(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(parent, forKey: .parent)
        try c.encode(position, forKey: .position)
        try c.encode(depth, forKey: .depth)
        try c.encode(author, forKey: .author)
        try c.encode(authorURL, forKey: .authorURL)
        try c.encode(isPostAuthor, forKey: .isPostAuthor)
        try c.encode(published, forKey: .published)
        try c.encode(publishedRaw, forKey: .publishedRaw)
        try c.encode(publishedRelative, forKey: .publishedRelative)
        try c.encode(isAnonymous, forKey: .isAnonymous)
        try c.encode(status, forKey: .status)
        try c.encode(text, forKey: .text)
    }
}

/// A link to the post from another blog (pingback or trackback): not a comment.
public struct PingbackRecord: Codable, Sendable, Equatable {
    public var url: String?
    public var title: String?
    public var published: String?
    /// `visible` for what the page shows; an export may also give `pending`, `spam` or `deleted`.
    public var status: CommentStatus

    public init(url: String? = nil, title: String? = nil, published: String? = nil, status: CommentStatus = .visible) {
        self.url = url
        self.title = title
        self.published = published
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case url, title, published, status
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        status = try c.decodeIfPresent(CommentStatus.self, forKey: .status) ?? .visible
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(status, forKey: .status)
    }
}

/// One post page's thread: the public `threadminer.thread/1` record that `extract`
/// writes as one JSON line and `ingest` reads (see DESIGN.md, "The thread record").
public struct ThreadRecord: Codable, Sendable, Equatable {
    public static let schemaID = "threadminer.thread/1"

    public var schema: String = ThreadRecord.schemaID
    public var source: SourceInfo
    /// Platform family (`blogger`, `wordpress`), `nil` when no profile matched.
    public var platform: String?
    /// The profile that produced the comments (`wordpress`, `generic`, `wxr` …), or that
    /// recognised the platform on a page without comments; `nil` when none did.
    public var profile: String?
    /// The service that serves this page's comments by script (`disqus`, `facebook`,
    /// `intensedebate` …) when the archived page holds only its placeholder: the
    /// comments exist but are not in the capture. `nil` otherwise.
    public var commentsHosted: String?
    public var post: PostRecord
    public var comments: [CommentRecord]
    public var pingbacks: [PingbackRecord]
    public var warnings: [String]

    public init(
        source: SourceInfo, platform: String?, profile: String? = nil, commentsHosted: String? = nil,
        post: PostRecord, comments: [CommentRecord] = [], pingbacks: [PingbackRecord] = [], warnings: [String] = []
    ) {
        self.source = source
        self.platform = platform
        self.profile = profile
        self.commentsHosted = commentsHosted
        self.post = post
        self.comments = comments
        self.pingbacks = pingbacks
        self.warnings = warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(source, forKey: .source)
        try c.encode(platform, forKey: .platform)
        try c.encode(profile, forKey: .profile)
        try c.encode(commentsHosted, forKey: .commentsHosted)
        try c.encode(post, forKey: .post)
        try c.encode(comments, forKey: .comments)
        try c.encode(pingbacks, forKey: .pingbacks)
        try c.encode(warnings, forKey: .warnings)
    }

    /// Whether the comment count the page claims fits what was found: `nil` when the
    /// page claims none. Platforms count differently (WordPress counts approved
    /// comments plus pingbacks, others only comments), so any of those readings fits.
    public var claimedCountFits: Bool? {
        guard let shown = post.commentCountShown else { return nil }
        let pending = comments.filter { $0.status == .pending }.count
        return [comments.count, comments.count + pingbacks.count, comments.count - pending + pingbacks.count]
            .contains(shown)
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, platform, profile
        case commentsHosted = "comments_hosted"
        case post, comments, pingbacks, warnings
    }

    /// Reads records written before `profile` and `comments_hosted` existed as `nil`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        source = try c.decode(SourceInfo.self, forKey: .source)
        platform = try c.decodeIfPresent(String.self, forKey: .platform)
        profile = try c.decodeIfPresent(String.self, forKey: .profile)
        commentsHosted = try c.decodeIfPresent(String.self, forKey: .commentsHosted)
        post = try c.decode(PostRecord.self, forKey: .post)
        comments = try c.decode([CommentRecord].self, forKey: .comments)
        pingbacks = try c.decode([PingbackRecord].self, forKey: .pingbacks)
        warnings = try c.decode([String].self, forKey: .warnings)
    }
}
