public import Foundation
public import ThreadModel

/// One hand-annotated page of per-comment gold (`gold/*.json`, EVALUATION.md §1).
public struct GoldPage: Decodable, Sendable, Equatable {
    /// The page's path under the shared corpus, e.g. `dragnet/HTML/T71.html`.
    public var source: String
    /// Platform family the annotator assigned (`blogger`, `wordpress`, `other`, …).
    public var platform: String
    public var post: Post
    /// The comment count the page itself claims, `nil` when it shows none.
    public var commentCountShown: Int?
    /// Number of pingbacks and trackbacks on the page (they are not comments).
    public var pingbacks: Int
    /// The comments in document order, removed placeholders included.
    public var comments: [Comment]
    public var notes: String?

    /// The annotated post header.
    public struct Post: Decodable, Sendable, Equatable {
        public var title: String?
        public var author: String?
        /// The post date exactly as the page shows it.
        public var publishedText: String?

        public init(title: String? = nil, author: String? = nil, publishedText: String? = nil) {
            self.title = title
            self.author = author
            self.publishedText = publishedText
        }

        enum CodingKeys: String, CodingKey {
            case title, author
            case publishedText = "published_text"
        }
    }

    /// One annotated comment.
    public struct Comment: Decodable, Sendable, Equatable {
        /// Document-order number from 1.
        public var n: Int
        /// The `n` of the comment this one is structurally nested under; `nil` = top level.
        public var parent: Int?
        public var author: String?
        public var authorURL: String?
        /// The date as the page shows it.
        public var publishedText: String?
        /// ISO local date-time when the page settles it unambiguously.
        public var published: String?
        public var status: CommentStatus
        public var isPostAuthor: Bool
        /// The first ~60 characters of the text, whitespace collapsed.
        public var textStart: String
        /// The last ~30 characters of the text.
        public var textEnd: String?

        public init(
            n: Int, parent: Int? = nil, author: String? = nil, authorURL: String? = nil,
            publishedText: String? = nil, published: String? = nil, status: CommentStatus = .visible,
            isPostAuthor: Bool = false, textStart: String, textEnd: String? = nil
        ) {
            self.n = n
            self.parent = parent
            self.author = author
            self.authorURL = authorURL
            self.publishedText = publishedText
            self.published = published
            self.status = status
            self.isPostAuthor = isPostAuthor
            self.textStart = textStart
            self.textEnd = textEnd
        }

        enum CodingKeys: String, CodingKey {
            case n, parent, author
            case authorURL = "author_url"
            case publishedText = "published_text"
            case published, status
            case isPostAuthor = "is_post_author"
            case textStart = "text_start"
            case textEnd = "text_end"
        }
    }

    public init(
        source: String = "", platform: String, post: Post = Post(), commentCountShown: Int? = nil,
        pingbacks: Int = 0, comments: [Comment], notes: String? = nil
    ) {
        self.source = source
        self.platform = platform
        self.post = post
        self.commentCountShown = commentCountShown
        self.pingbacks = pingbacks
        self.comments = comments
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case source, platform, post
        case commentCountShown = "comment_count_shown"
        case pingbacks, comments, notes
    }

    /// A gold file that could not be listed, read or decoded.
    public struct LoadError: Error, Equatable, CustomStringConvertible {
        /// The file (or directory) concerned.
        public var file: String
        /// What went wrong, e.g. `comments[3].status: Cannot initialize CommentStatus …`.
        public var problem: String

        public var description: String { "gold file \(file): \(problem)" }
    }

    /// Reads every `*.json` file of a directory as a gold page.
    ///
    /// - Parameter directory: The gold directory (not searched recursively).
    /// - Returns: The pages sorted by file name; `name` is the file name without `.json`.
    /// - Throws: ``LoadError`` naming the first file that cannot be read or decoded.
    public static func load(directory: URL) throws -> [(name: String, page: GoldPage)] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw LoadError(file: directory.path, problem: "directory is not readable or does not exist")
        }
        return try files.filter { $0.hasSuffix(".json") }.sorted().map { file in
            let url = directory.appendingPathComponent(file)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw LoadError(file: url.path, problem: "file is not readable")
            }
            do {
                return (String(file.dropLast(5)), try JSONDecoder().decode(GoldPage.self, from: data))
            } catch let error as DecodingError {
                throw LoadError(file: url.path, problem: describe(error))
            } catch {
                throw LoadError(file: url.path, problem: "\(error)")
            }
        }
    }

    /// A one-line account of a decoding error: the JSON path, then what was wrong there.
    private static func describe(_ error: DecodingError) -> String {
        let (path, message): ([any CodingKey], String)
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            (path, message) = (c.codingPath, c.debugDescription)
        case .keyNotFound(let key, let c):
            (path, message) = (c.codingPath, "missing key \"\(key.stringValue)\"")
        @unknown default:
            return "\(error)"
        }
        let location = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            .joined(separator: "").drop { $0 == "." }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
