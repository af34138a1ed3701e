import Markup
import ThreadModel

/// Reads a WordPress eXtended RSS export (WXR 1.0–1.2): one record per `<item>` that
/// is a published post or page, with its `wp:comment`s as comments (pingbacks and
/// trackbacks apart).
///
/// Holds compiled XPath expressions: use one per thread.
struct WXRReader {
    /// The prefixes the queries use, for a file of WXR `version`.
    static func namespaces(version: String) -> [String: String] {
        ["wp": ExportFormat.wordpressNamespace(version: version), "dc": "http://purl.org/dc/elements/1.1/"]
    }

    private let document: XMLDocument
    private let path: String
    private let text: CommentText
    private let channel: XPathExpression
    private let authors: XPathExpression
    private let authorFields: XPathExpression
    private let items: XPathExpression
    private let itemFields: XPathExpression
    private let comments: XPathExpression
    private let commentFields: XPathExpression

    init(document: XMLDocument, path: String) throws(MarkupError) {
        self.document = document
        self.path = path
        text = try CommentText()
        channel = try XPathExpression("/rss/channel")
        authors = try XPathExpression("/rss/channel/wp:author")
        authorFields = try XPathExpression("wp:author_login | wp:author_id | wp:author_display_name")
        items = try XPathExpression("/rss/channel/item")
        itemFields = try XPathExpression("title | link | dc:creator | wp:post_type | wp:status | wp:post_date")
        comments = try XPathExpression("wp:comment")
        commentFields = try XPathExpression(
            "wp:comment_id | wp:comment_author | wp:comment_author_url | wp:comment_date | wp:comment_date_gmt"
                + " | wp:comment_content | wp:comment_approved | wp:comment_type | wp:comment_parent"
                + " | wp:comment_user_id")
    }

    /// A blog user from the export's `wp:author` list.
    private struct Author {
        var id: String?
        var displayName: String?
    }

    func read() throws(ExportError) -> (records: [ThreadRecord], problems: [ExportProblem]) {
        guard !document.elements(channel).isEmpty else {
            throw ExportError(
                kind: .unexpectedStructure, file: path, line: document.root?.line,
                reason: "the WordPress export has no <rss><channel> element",
                remedy: "export the site again from Tools → Export in WordPress")
        }
        var users: [String: Author] = [:]
        for author in document.elements(authors) {
            let fields = fieldTexts(author, authorFields)
            guard let login = fields["author_login"] else { continue }
            users[login] = Author(
                id: fields["author_id"], displayName: fields["author_display_name"].map(text.decodingReferences))
        }
        var records: [ThreadRecord] = []
        var problems: [ExportProblem] = []
        for (index, item) in document.elements(items).enumerated() {
            let ordinal = index + 1
            let fields = fieldTexts(item, itemFields)
            let type = fields["post_type"] ?? "(no type)"
            let status = fields["status"] ?? "(no status)"
            guard (type == "post" || type == "page") && status == "publish" else {
                let count = document.elements(comments, from: item).count
                if count > 0 {
                    problems.append(
                        ExportProblem(
                            entry: ordinal, line: item.line,
                            reason: "a \(type) with status \(status) is not a published post or page: "
                                + "its \(count) comment(s) are left out"))
                }
                continue
            }
            let login = fields["creator"]
            let author = login.flatMap { users[$0] }
            let post = PostRecord(
                url: fields["link"], title: fields["title"].map(text.decodingReferences),
                author: author?.displayName ?? login,
                published: fields["post_date"].flatMap(ExportTimestamp.init)?.local,
                publishedRaw: fields["post_date"])
            var record = ThreadRecord(
                source: SourceInfo(file: path, offset: ordinal, url: post.url), platform: "wordpress", profile: "wxr",
                post: post)
            if post.url == nil { record.warnings.append("the export gives no link for this post") }
            let thread = readComments(
                of: item, ordinal: ordinal, postAuthor: (login, author), problems: &problems)
            let arranged = ReplyTree.arrange(thread.comments, notComments: thread.pingbackIDs)
            record.comments = arranged.comments
            record.pingbacks = thread.pingbacks
            record.warnings += thread.warnings + arranged.warnings
            records.append(record)
        }
        return (records, problems)
    }

    /// The comments and pingbacks of one item, in file order.
    private func readComments(
        of item: XMLDocument.Element, ordinal: Int, postAuthor: (login: String?, user: Author?),
        problems: inout [ExportProblem]
    ) -> (comments: [ExportedComment], pingbacks: [PingbackRecord], pingbackIDs: [String: String], warnings: [String]) {
        var found: [ExportedComment] = []
        var pingbacks: [PingbackRecord] = []
        var pingbackIDs: [String: String] = [:]
        var warnings: [String] = []
        var seen: Set<String> = []
        for element in document.elements(comments, from: item) {
            let fields = fieldTexts(element, commentFields)
            guard let number = fields["comment_id"] else {
                problems.append(
                    ExportProblem(
                        entry: ordinal, line: element.line, reason: "a comment without wp:comment_id is left out"))
                continue
            }
            // WordPress pages anchor comments as `comment-N`: the same id lets an export and
            // archived pages of one post merge.
            let id = "comment-" + number
            guard seen.insert(id).inserted else {
                problems.append(
                    ExportProblem(
                        entry: ordinal, line: element.line,
                        reason: "comment \(id) appears twice in the item: the second is left out"))
                continue
            }
            let approval = fields["comment_approved"] ?? ""
            let status = Self.status(approval)
            let written = fields["comment_date"].flatMap(ExportTimestamp.init)
            let type = fields["comment_type"] ?? ""
            let author = fields["comment_author"].map(text.decodingReferences)
            let authorURL = fields["comment_author_url"].flatMap(Self.siteAddress)
            if type == "pingback" || type == "trackback" {
                pingbackIDs[id] = "a \(type)"
                pingbacks.append(
                    PingbackRecord(url: authorURL, title: author, published: written?.local, status: status ?? .visible)
                )
                continue
            }
            if status == nil {
                warnings.append("comment \(id) has an unknown approval state '\(approval)': taken as visible")
            }
            let userID = fields["comment_user_id"]
            let isPostAuthor =
                (userID != nil && userID != "0" && userID == postAuthor.user?.id)
                || (author != nil && (author == postAuthor.login || author == postAuthor.user?.displayName))
            let parent = fields["comment_parent"].flatMap { $0 == "0" ? nil : "comment-" + $0 }
            let record = CommentRecord(
                id: id, parent: parent, position: 0, author: author, authorURL: authorURL,
                isPostAuthor: isPostAuthor, published: written?.local, publishedRaw: fields["comment_date"],
                status: status ?? .visible,
                text: text.fromHTML(fields["comment_content"] ?? "", newlinesAreBreaks: true))
            let instant = fields["comment_date_gmt"].flatMap(ExportTimestamp.init)?.instant ?? written?.instant
            found.append(ExportedComment(record: record, instant: instant))
        }
        return (found, pingbacks, pingbackIDs, warnings)
    }

    /// A commenter's address; `nil` for the bare `http://` older WordPress stores when
    /// the commenter gave none.
    private static func siteAddress(_ url: String) -> String? {
        url == "http://" || url == "https://" ? nil : url
    }

    /// `wp:comment_approved` as a status; `nil` for values WordPress does not write.
    private static func status(_ approval: String) -> CommentStatus? {
        switch approval {
        case "1": return .visible
        case "0": return .pending
        case "spam": return .spam
        case "trash", "post-trashed": return .deleted
        default: return nil
        }
    }

    /// Local name → trimmed text of the elements `fields` selects under `element`;
    /// empty texts are left out, so a missing and an empty field are both `nil`.
    private func fieldTexts(_ element: XMLDocument.Element, _ fields: XPathExpression) -> [String: String] {
        var texts: [String: String] = [:]
        for field in document.elements(fields, from: element) {
            let value = String(field.text.trimmingSpaces)
            if !value.isEmpty, texts[field.localName] == nil { texts[field.localName] = value }
        }
        return texts
    }
}
