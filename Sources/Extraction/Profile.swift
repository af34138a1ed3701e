public import Foundation

/// One way of reading a value: an XPath expression evaluated from a context node,
/// optionally narrowed by a regular expression (first capture group, or `template`
/// with `$1`…). In profile files a bare string means `{"xpath": string}`.
public struct FieldRule: Codable, Sendable, Equatable {
    public var xpath: String
    public var regex: String?
    public var template: String?

    public init(xpath: String, regex: String? = nil, template: String? = nil) {
        self.xpath = xpath
        self.regex = regex
        self.template = template
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let xpath = try? single.decode(String.self) {
            self.init(xpath: xpath)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            xpath: try c.decode(String.self, forKey: .xpath), regex: try c.decodeIfPresent(String.self, forKey: .regex),
            template: try c.decodeIfPresent(String.self, forKey: .template))
    }
}

/// Rules that read the post itself. Every list is tried in order; the first rule
/// giving a non-empty value wins.
public struct PostRules: Codable, Sendable, Equatable {
    public var url: [FieldRule] = []
    public var title: [FieldRule] = []
    public var author: [FieldRule] = []
    public var published: [FieldRule] = []
    public var commentCount: [FieldRule] = []

    enum CodingKeys: String, CodingKey {
        case url, title, author, published
        case commentCount = "comment_count"
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decodeIfPresent([FieldRule].self, forKey: .url) ?? []
        title = try c.decodeIfPresent([FieldRule].self, forKey: .title) ?? []
        author = try c.decodeIfPresent([FieldRule].self, forKey: .author) ?? []
        published = try c.decodeIfPresent([FieldRule].self, forKey: .published) ?? []
        commentCount = try c.decodeIfPresent([FieldRule].self, forKey: .commentCount) ?? []
    }
}

/// Rules that find comments and read their fields. `item` selects one node per
/// comment in document order; nesting is the markup's: a comment's parent is the
/// nearest enclosing item. Field rules are evaluated from the item, and a node that
/// belongs to a nested item never counts for its ancestor.
public struct CommentRules: Codable, Sendable, Equatable {
    public var item: String
    public var id: [FieldRule] = []
    public var author: [FieldRule] = []
    /// Regular expressions whose matches are deleted from the author text ("said...").
    public var authorStrip: [String] = []
    /// Regular expressions for anonymous or unverified markers in the author text
    /// ("(not verified)"): a match sets the comment's anonymous flag and is removed
    /// from the name.
    public var anonymous: [String] = []
    public var authorURL: [FieldRule] = []
    public var published: [FieldRule] = []
    /// A permalink whose `showComment=<ms>` gives the exact instant (Blogger).
    public var permalink: [FieldRule] = []
    /// Nodes holding the comment text (the first rule that finds any wins).
    public var text: [String] = []
    /// Nodes left out of the text (bylines, reply links).
    public var textExclude: [String] = []
    /// For templates whose comments have no element of their own (TypePad's classic
    /// `<a id="c…">`, paragraphs, then `<p class="posted">` byline): the item is the byline,
    /// and the text is the siblings before it back to, not including, the nearest one this
    /// XPath selects from itself (`self::a[numbered-id('c')]`) or an earlier item.
    /// `text` is then not used.
    public var textBefore: String?
    /// Any node found marks the comment as written by the post's author.
    public var postAuthor: [String] = []
    /// Any node found marks the comment as pending moderation.
    public var pending: [String] = []
    /// Any node found marks the comment as removed (wording says by whom).
    public var removed: [String] = []
    /// True for templates without replies: markup nesting (often from unclosed
    /// tags) is then not read as reply structure.
    public var flat = false
    /// The comment's nesting level (0 = top level), for templates that place a reply
    /// beside its parent instead of inside it (Drupal's `div.indented`, depth classes).
    /// When given, a comment's parent is the nearest earlier comment one level up.
    public var depth: [FieldRule] = []

    enum CodingKeys: String, CodingKey {
        case item, id, author
        case authorStrip = "author_strip"
        case anonymous
        case authorURL = "author_url"
        case published, permalink, text
        case textExclude = "text_exclude"
        case textBefore = "text_before"
        case postAuthor = "post_author"
        case pending, removed, flat, depth
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        item = try c.decode(String.self, forKey: .item)
        id = try c.decodeIfPresent([FieldRule].self, forKey: .id) ?? []
        author = try c.decodeIfPresent([FieldRule].self, forKey: .author) ?? []
        authorStrip = try c.decodeIfPresent([String].self, forKey: .authorStrip) ?? []
        anonymous = try c.decodeIfPresent([String].self, forKey: .anonymous) ?? []
        authorURL = try c.decodeIfPresent([FieldRule].self, forKey: .authorURL) ?? []
        published = try c.decodeIfPresent([FieldRule].self, forKey: .published) ?? []
        permalink = try c.decodeIfPresent([FieldRule].self, forKey: .permalink) ?? []
        text = try c.decodeIfPresent([String].self, forKey: .text) ?? []
        textExclude = try c.decodeIfPresent([String].self, forKey: .textExclude) ?? []
        textBefore = try c.decodeIfPresent(String.self, forKey: .textBefore)
        postAuthor = try c.decodeIfPresent([String].self, forKey: .postAuthor) ?? []
        pending = try c.decodeIfPresent([String].self, forKey: .pending) ?? []
        removed = try c.decodeIfPresent([String].self, forKey: .removed) ?? []
        flat = try c.decodeIfPresent(Bool.self, forKey: .flat) ?? false
        depth = try c.decodeIfPresent([FieldRule].self, forKey: .depth) ?? []
    }
}

/// Rules for pingbacks and trackbacks, which are listed apart from comments.
public struct PingbackRules: Codable, Sendable, Equatable {
    public var item: String
    public var url: [FieldRule] = []
    public var title: [FieldRule] = []
    public var published: [FieldRule] = []

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        item = try c.decode(String.self, forKey: .item)
        url = try c.decodeIfPresent([FieldRule].self, forKey: .url) ?? []
        title = try c.decodeIfPresent([FieldRule].self, forKey: .title) ?? []
        published = try c.decodeIfPresent([FieldRule].self, forKey: .published) ?? []
    }
}

/// A platform profile: a data file of XPath rules for one family of comment markup.
/// A new template is a new file, not new code.
public struct Profile: Codable, Sendable, Equatable {
    /// Unique name, e.g. `blogger-classic`.
    public var name: String
    /// Platform family written to thread records, e.g. `blogger`.
    public var platform: String
    /// Breaks ties when two profiles find the same number of comments (higher wins).
    public var priority: Int
    /// Byte strings of which the raw page must contain at least one for this
    /// profile's comment rules to be tried: a cheap test before any XPath runs.
    /// Empty means always try.
    public var requires: [String]
    /// Page markers (XPath) that identify the platform even on pages with no comments.
    public var detect: [String]
    public var post: PostRules?
    public var comments: CommentRules?
    public var pingbacks: PingbackRules?

    enum CodingKeys: String, CodingKey {
        case name, platform, priority, requires, detect, post, comments, pingbacks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        platform = try c.decode(String.self, forKey: .platform)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 0
        requires = try c.decodeIfPresent([String].self, forKey: .requires) ?? []
        detect = try c.decodeIfPresent([String].self, forKey: .detect) ?? []
        post = try c.decodeIfPresent(PostRules.self, forKey: .post)
        comments = try c.decodeIfPresent(CommentRules.self, forKey: .comments)
        pingbacks = try c.decodeIfPresent(PingbackRules.self, forKey: .pingbacks)
    }
}

/// Why a profile file could not be used.
public struct ProfileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

/// The set of profiles an extractor tries, in a stable order, plus the page-wide
/// post rules (`_page.json`) used when a profile's own post rules find nothing.
public struct ProfileSet: Sendable {
    public private(set) var profiles: [Profile]
    public private(set) var pageDefaults: PostRules

    /// The profiles shipped with threadminer (resources of this module).
    public static func bundled() throws -> ProfileSet {
        guard let dir = Bundle.module.url(forResource: "Profiles", withExtension: nil) else {
            throw ProfileError(file: "Profiles", reason: "bundled profile folder is missing from the build")
        }
        return try load(directory: dir)
    }

    /// Loads every `*.json` profile in `directory`, sorted by file name.
    /// - Throws: ``ProfileError`` naming the file that does not decode.
    public static func load(directory: URL) throws -> ProfileSet {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var profiles: [Profile] = []
        var defaults: PostRules?
        for file in files {
            do {
                let data = try Data(contentsOf: file)
                if file.lastPathComponent == "_page.json" {
                    defaults = try JSONDecoder().decode(PostRules.self, from: data)
                } else {
                    profiles.append(try JSONDecoder().decode(Profile.self, from: data))
                }
            } catch {
                throw ProfileError(file: file.path, reason: "not a valid profile: \(error)")
            }
        }
        return ProfileSet(profiles: profiles, pageDefaults: defaults ?? PostRules())
    }

    public init(profiles: [Profile], pageDefaults: PostRules = PostRules()) {
        self.profiles = profiles
        self.pageDefaults = pageDefaults
    }
}
