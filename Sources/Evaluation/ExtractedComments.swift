public import Foundation
public import ThreadModel

/// Extraction output to score: threadminer's own records, or another tool's, read from
/// JSON lines.
public enum ExtractedComments {
    /// The comment text of a page, scored against the dragnet and snippet ground truth:
    /// every comment in order, each as a reader sees its block — the byline (author and
    /// the date as shown) and then the text — since the annotators copied whole comment
    /// blocks, bylines included. With `textOnly`, the comment text alone. Empty when
    /// there is no record or it has no comments.
    public static func text(of record: ThreadRecord?, textOnly: Bool = false) -> String {
        (record?.comments ?? []).map { c in
            textOnly
                ? c.text
                : [c.author, c.publishedRaw, c.text].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Reads another tool's output: one JSON object per line (blank lines skipped).
    ///
    /// Each object needs `source.file`, the page's path: relative to the corpus folder
    /// (`dragnet/HTML/R76.html`), or absolute; a relative path that exists only from the
    /// current directory is read from there, so `threadminer extract ../shared/corpus/…`
    /// output qualifies. Every other field of the `threadminer.thread/1` record is
    /// optional, so the least a tool must write is
    /// `{"source": {"file": …}, "comments": [{"text": …}, …]}` (see
    /// ``record(jsonLine:)``). A file listed twice keeps its first record.
    ///
    /// - Parameters:
    ///   - file: The JSON-lines file.
    ///   - corpus: The corpus folder that relative paths start from.
    /// - Returns: The records by path relative to `corpus` (absolute when outside it).
    /// - Throws: ``SuiteDataError`` naming the file, or the file and line that does not decode.
    public static func load(jsonl file: URL, corpus: URL) throws(SuiteDataError) -> [String: ThreadRecord] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SuiteDataError(file: file.path, problem: "file is not readable or does not exist")
        }
        let root = corpus.standardizedFileURL.resolvingSymlinksInPath().path
        var records: [String: ThreadRecord] = [:]
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { !($0 == 32 || $0 == 9 || $0 == 13) }) {
            let record: ThreadRecord
            do {
                record = try Self.record(jsonLine: Data(line))
            } catch {
                throw SuiteDataError(file: "\(file.path):\(index + 1)", problem: Self.describe(error))
            }
            let path = key(record.source.file, root: root)
            if records[path] == nil { records[path] = record }
        }
        return records
    }

    /// Decodes one line of extraction output leniently.
    ///
    /// Required: `source.file`. Optional, with their defaults: `platform` (`null`),
    /// `post.comment_count_shown` (`null`), `pingbacks` (only their number counts),
    /// `comments` (none), and in each comment `text` (`""`), `id` (`p<position>`),
    /// `parent`, `author`, `author_url`, `published` (`null`), `position` (its place
    /// from 1), `status` (`visible`; an unknown status reads as `visible`),
    /// `is_post_author` (`false`). A `threadminer.thread/1` line decodes to the same record.
    /// - Throws: `DecodingError` when the line is not such an object.
    public static func record(jsonLine: Data) throws -> ThreadRecord {
        try JSONDecoder().decode(LenientRecord.self, from: jsonLine).record
    }

    /// A path relative to the corpus folder when it is inside it, `./` and `..` resolved.
    ///
    /// A relative path is read from the corpus folder, unless only the current directory
    /// has such a file (as `threadminer extract ../shared/corpus/…` writes them); one that
    /// names no file anywhere is kept as written, without its leading `./`.
    private static func key(_ file: String, root: String) -> String {
        var relative = Substring(file)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let files = FileManager.default
        let path: String
        if file.hasPrefix("/") {
            path = file
        } else if files.fileExists(atPath: root + "/" + relative) {
            path = root + "/" + relative
        } else if files.fileExists(atPath: file) {
            path = file
        } else {
            return String(relative)
        }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.hasPrefix(root + "/") ? String(resolved.dropFirst(root.count + 1)) : resolved
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let c):
            let path = (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "missing \(path); each line needs at least {\"source\": {\"file\": …}}"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            let path = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "not a JSON object" : "\(path.drop { $0 == "." }): \(c.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private struct LenientRecord: Decodable {
        var record: ThreadRecord

        private struct Source: Decodable {
            var file: String
        }

        private struct Post: Decodable {
            var commentCountShown: Int?

            enum CodingKeys: String, CodingKey {
                case commentCountShown = "comment_count_shown"
            }
        }

        private struct Comment: Decodable {
            var id: String?
            var parent: String?
            var position: Int?
            var author: String?
            var authorURL: String?
            var published: String?
            var publishedRaw: String?
            var status: String?
            var isPostAuthor: Bool?
            var text: String?

            enum CodingKeys: String, CodingKey {
                case id, parent, position, author
                case authorURL = "author_url"
                case published, status
                case publishedRaw = "published_raw"
                case isPostAuthor = "is_post_author"
                case text
            }
        }

        private struct Ignored: Decodable {}

        enum CodingKeys: String, CodingKey {
            case source, platform, post, comments, pingbacks
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let source = try c.decode(Source.self, forKey: .source)
            let post = try c.decodeIfPresent(Post.self, forKey: .post)
            let comments = try c.decodeIfPresent([Comment].self, forKey: .comments) ?? []
            let pingbacks = try c.decodeIfPresent([Ignored].self, forKey: .pingbacks) ?? []
            record = ThreadRecord(
                source: SourceInfo(file: source.file), platform: try c.decodeIfPresent(String.self, forKey: .platform),
                post: PostRecord(commentCountShown: post?.commentCountShown),
                comments: comments.enumerated().map { index, comment in
                    let position = comment.position ?? index + 1
                    return CommentRecord(
                        id: comment.id ?? "p\(position)", parent: comment.parent, position: position,
                        author: comment.author, authorURL: comment.authorURL,
                        isPostAuthor: comment.isPostAuthor ?? false, published: comment.published,
                        publishedRaw: comment.publishedRaw,
                        status: comment.status.flatMap(CommentStatus.init(rawValue:)) ?? .visible,
                        text: comment.text ?? "")
                },
                pingbacks: pingbacks.map { _ in PingbackRecord() })
        }
    }
}
