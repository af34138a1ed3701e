import Markup
import ThreadModel

/// Reads a Blogger Atom export, legacy (2008 `kind#` categories) or 2018 schema: one
/// record per published post or page, with the comment entries that point to it.
///
/// Holds compiled XPath expressions: use one per thread.
struct BloggerReader {
    /// The prefixes the queries use.
    static let namespaces = [
        "atom": "http://www.w3.org/2005/Atom", "thr": "http://purl.org/syndication/thread/1.0",
        "gd": "http://schemas.google.com/g/2005", "app": "http://purl.org/atom/app#",
        "app07": "http://www.w3.org/2007/app", "blogger": "http://schemas.google.com/blogger/2018",
    ]
    private static let kindScheme = "http://schemas.google.com/g/2005#kind"

    private let document: XMLDocument
    private let path: String
    private let isSchema2018: Bool
    private let siteURL: String?
    private let text: CommentText
    private let feed: XPathExpression
    private let feedLinks: XPathExpression
    private let entries: XPathExpression
    private let fields: XPathExpression
    private let categories: XPathExpression
    private let links: XPathExpression
    private let draft: XPathExpression
    private let author: XPathExpression
    private let postReference: XPathExpression
    private let extendedProperties: XPathExpression

    /// - Parameter siteURL: the blog's address, for 2018 files whose entries give only a
    ///   path (`blogger:filename`); the feed's own alternate link is used when absent.
    init(document: XMLDocument, path: String, format: ExportFormat, siteURL: String?) throws(MarkupError) {
        self.document = document
        self.path = path
        isSchema2018 = format == .blogger2018
        self.siteURL = siteURL
        text = try CommentText()
        feed = try XPathExpression("/atom:feed")
        feedLinks = try XPathExpression("/atom:feed/atom:link")
        entries = try XPathExpression("/atom:feed/atom:entry")
        fields = try XPathExpression(
            "atom:id | atom:title | atom:published | atom:content | blogger:type | blogger:status"
                + " | blogger:filename | blogger:parent | blogger:inReplyTo | blogger:trashed")
        categories = try XPathExpression("atom:category")
        links = try XPathExpression("atom:link")
        draft = try XPathExpression("app:control/app:draft | app07:control/app07:draft")
        author = try XPathExpression("atom:author/atom:name | atom:author/atom:uri")
        postReference = try XPathExpression("thr:in-reply-to")
        extendedProperties = try XPathExpression("gd:extendedProperty")
    }

    /// A published post or page being filled with its comments.
    private struct PostThread {
        var record: ThreadRecord
        var authorName: String?
        var authorURI: String?
        var comments: [ExportedComment] = []
        var ids: Set<String> = []
        /// True when a date of the thread is written in UTC (`Z`).
        var hasUTCTimes = false
    }

    func read() throws(ExportError) -> (records: [ThreadRecord], problems: [ExportProblem]) {
        guard !document.elements(feed).isEmpty else {
            throw ExportError(
                kind: .unexpectedStructure, file: path, line: document.root?.line,
                reason: "the Blogger export has no Atom <feed> element",
                remedy: "download the blog again with Blogger's Settings → Back up content")
        }
        let site = siteURL ?? alternateLink(document.elements(feedLinks))
        var threads: [PostThread] = []
        var threadByKey: [String: Int] = [:]
        var unpublished: Set<String> = []
        var commentEntries: [(ordinal: Int, entry: XMLDocument.Element)] = []
        for (index, entry) in document.elements(entries).enumerated() {
            let ordinal = index + 1
            let texts = fieldTexts(entry)
            switch kind(of: entry, texts) {
            case "post", "page":
                let keys = texts["id"].map(Self.keys) ?? []
                guard isPublished(entry, texts) else {
                    unpublished.formUnion(keys)
                    continue
                }
                for key in keys { threadByKey[key] = threads.count }
                threads.append(post(entry, texts, ordinal: ordinal, site: site))
            case "comment":
                commentEntries.append((ordinal, entry))
            default:
                continue
            }
        }
        let problems = place(commentEntries, in: &threads, byKey: threadByKey, unpublished: unpublished)
        let records = threads.map { thread in
            var record = thread.record
            let arranged = ReplyTree.arrange(thread.comments)
            record.comments = arranged.comments
            record.warnings += arranged.warnings
            if thread.hasUTCTimes { record.warnings.append(Self.utcWarning) }
            return record
        }
        return (records, problems)
    }

    /// Adds each comment entry to the thread of its post; returns the entries left out.
    private func place(
        _ commentEntries: [(ordinal: Int, entry: XMLDocument.Element)], in threads: inout [PostThread],
        byKey threadByKey: [String: Int], unpublished: Set<String>
    ) -> [ExportProblem] {
        var problems: [ExportProblem] = []
        for (ordinal, entry) in commentEntries {
            let texts = fieldTexts(entry)
            let problem = { (reason: String) in
                problems.append(ExportProblem(entry: ordinal, line: entry.line, reason: reason))
            }
            guard let number = texts["id"].flatMap(Self.trailingDigits) else {
                problem("a comment entry without a numeric id is left out")
                continue
            }
            let id = "c" + number
            let postID =
                isSchema2018 ? texts["parent"] : document.elements(postReference, from: entry).first?.attribute("ref")
            guard let postID else {
                problem("comment \(id) names no post: left out")
                continue
            }
            guard let t = Self.keys(postID).lazy.compactMap({ threadByKey[$0] }).first else {
                let isUnpublished = Self.keys(postID).contains(where: unpublished.contains)
                let what = isUnpublished ? "a draft or unpublished entry" : "which the export does not hold"
                problem("comment \(id) belongs to \(postID), \(what): left out")
                continue
            }
            guard threads[t].ids.insert(id).inserted else {
                problem("comment \(id) appears twice: the second is left out")
                continue
            }
            addComment(entry, texts, id: id, to: &threads[t])
        }
        return problems
    }

    /// `post`, `page`, `comment`, `settings`, `template`…, lower case.
    private func kind(of entry: XMLDocument.Element, _ texts: [String: String]) -> String? {
        if isSchema2018 { return texts["type"]?.lowercased() }
        let term = document.elements(categories, from: entry)
            .first { $0.attribute("scheme") == Self.kindScheme }?.attribute("term")
        return term?.split(separator: "#").last.map(String.init)
    }

    private func isPublished(_ entry: XMLDocument.Element, _ texts: [String: String]) -> Bool {
        if isSchema2018 { return texts["trashed"] == nil && (texts["status"] ?? "LIVE") == "LIVE" }
        let draftMark = document.elements(draft, from: entry).first?.text.trimmingSpaces
        return draftMark.map { $0.lowercased() != "yes" } ?? true
    }

    private func post(
        _ entry: XMLDocument.Element, _ texts: [String: String], ordinal: Int, site: String?
    ) -> PostThread {
        var warnings: [String] = []
        var url = alternateLink(document.elements(links, from: entry))
        if url == nil, let filename = texts["filename"] {
            if let site {
                url =
                    (site.hasSuffix("/") ? String(site.dropLast()) : site) + (filename.hasPrefix("/") ? "" : "/")
                    + filename
            } else {
                warnings.append("the export gives the path \(filename) but not the blog's address: URL unknown")
            }
        } else if url == nil {
            warnings.append("the export gives no URL for this post")
        }
        let published = texts["published"].flatMap(ExportTimestamp.init)
        let (authorName, authorURI) = authorFields(entry)
        let post = PostRecord(
            url: url, title: texts["title"], author: authorName, published: published?.local,
            publishedRaw: texts["published"])
        let record = ThreadRecord(
            source: SourceInfo(file: path, offset: ordinal, url: url), platform: "blogger", profile: "blogger-atom",
            post: post,
            warnings: warnings)
        return PostThread(
            record: record, authorName: authorName, authorURI: authorURI, hasUTCTimes: published?.zone == .utc)
    }

    private static let utcWarning = "times are UTC as the export gives them: the blog's own time zone is unknown"

    /// Reads one comment entry into `thread`.
    private func addComment(
        _ entry: XMLDocument.Element, _ texts: [String: String], id: String, to thread: inout PostThread
    ) {
        let parent: String?
        if isSchema2018 {
            parent = texts["inReplyTo"].flatMap(Self.trailingDigits).map { "c" + $0 }
        } else {
            let related = document.elements(links, from: entry).first { $0.attribute("rel") == "related" }
            let target = related?.attribute("href")?.split(separator: "?").first.map(String.init)
            parent = target.flatMap(Self.trailingDigits).map { "c" + $0 }
        }
        let contentElement = document.elements(fields, from: entry).first { $0.localName == "content" }
        let content = contentElement?.text ?? ""
        let body =
            contentElement?.attribute("type") == "text"
            ? CommentText.fromPlainText(content) : text.fromHTML(content, newlinesAreBreaks: false)
        var status = CommentStatus.visible
        if texts["trashed"] != nil {
            status = .deleted
        } else if isSchema2018 {
            switch texts["status"]?.uppercased() {
            case nil, "LIVE": status = .visible
            case "PENDING": status = .pending
            case "SPAM": status = .spam
            case "EMPTIED": status = Self.removal(body)
            case let other?:
                thread.record.warnings.append("comment \(id) has an unknown status \(other): taken as visible")
            }
        } else if document.elements(extendedProperties, from: entry).contains(where: {
            $0.attribute("name") == "blogger.contentRemoved" && $0.attribute("value") == "true"
        }) {
            status = Self.removal(body)
        }
        let written = texts["published"].flatMap(ExportTimestamp.init)
        if written?.zone == .utc { thread.hasUTCTimes = true }
        let (name, uri) = authorFields(entry)
        let isPostAuthor =
            if let uri, let postURI = thread.authorURI { uri == postURI } else {
                name != nil && name == thread.authorName
            }
        let record = CommentRecord(
            id: id, parent: parent, position: 0, author: name, authorURL: uri, isPostAuthor: isPostAuthor,
            published: written?.local, publishedRaw: texts["published"], status: status, text: body)
        thread.comments.append(ExportedComment(record: record, instant: written?.instant))
    }

    /// Blogger keeps a removed comment's entry with a sentence saying who removed it.
    private static func removal(_ text: String) -> CommentStatus {
        text.lowercased().contains("removed by the author") ? .removedByAuthor : .removedByAdmin
    }

    /// The name and URI of the entry's `atom:author`, `nil` when absent or empty.
    private func authorFields(_ entry: XMLDocument.Element) -> (name: String?, uri: String?) {
        var name: String?
        var uri: String?
        for field in document.elements(author, from: entry) {
            let value = String(field.text.trimmingSpaces)
            guard !value.isEmpty else { continue }
            if field.localName == "name" { name = name ?? value } else { uri = uri ?? value }
        }
        return (name, uri)
    }

    /// The `href` of the first `rel="alternate"` HTML link.
    private func alternateLink(_ links: [XMLDocument.Element]) -> String? {
        links.first {
            $0.attribute("rel") == "alternate" && ($0.attribute("type") ?? "text/html") == "text/html"
                && !($0.attribute("href") ?? "").isEmpty
        }?.attribute("href")
    }

    /// Local name → trimmed text of the entry's fields; empty ones left out.
    private func fieldTexts(_ entry: XMLDocument.Element) -> [String: String] {
        var texts: [String: String] = [:]
        for field in document.elements(fields, from: entry) where field.localName != "content" {
            let value = String(field.text.trimmingSpaces)
            if !value.isEmpty, texts[field.localName] == nil { texts[field.localName] = value }
        }
        return texts
    }

    /// The keys an entry id is found by: the id itself and its trailing digits
    /// (`tag:blogger.com,1999:blog-1.post-42` → `42`).
    private static func keys(_ id: String) -> [String] {
        [id] + (trailingDigits(id).map { [$0] } ?? [])
    }

    private static func trailingDigits(_ text: String) -> String? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : String(digits.reversed())
    }
}
