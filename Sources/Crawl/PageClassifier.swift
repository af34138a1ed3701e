import Foundation
public import ThreadModel

/// What a captured page is, from its URL shape and what extraction found on it.
public enum PageKind: String, Sendable, CaseIterable {
    /// A single post with its comments.
    case post
    /// A further page of a post's comments (`/comment-page-2/`, `?showComment=`).
    case commentPage = "comment-page"
    /// A home, archive, label, tag, category or search page listing posts.
    case index
    /// An RSS or Atom feed.
    case feed
    /// Anything else (about pages, images, unknown).
    case other

    /// Whether captures of this kind contribute to a post's thread.
    public var carriesThread: Bool { self == .post || self == .commentPage }
}

/// Classifies pages. URL shapes are those of Blogger and WordPress permalinks and
/// listing pages; markup decides when the URL does not: a page with comments, or
/// one that states its comment count or its publication date, is a post.
public enum PageClassifier {
    public static func kind(url: String?, mime: String?, record: ThreadRecord?) -> PageKind {
        if let mime, ByteText.contains(mime, "rss") || ByteText.contains(mime, "atom") || mime == "application/xml" {
            return .feed
        }
        let shape = url.map(urlKind)
        if shape == .feed { return .feed }
        if shape == .commentPage { return .commentPage }
        let hasComments = !(record?.comments.isEmpty ?? true)
        if hasComments { return .post }
        if let shape, shape == .other, let post = record?.post, post.commentCountShown != nil || post.published != nil {
            return .post
        }
        if let shape { return shape }
        // A saved page with no URL is taken for what the user saved: a post.
        return record != nil ? .post : .other
    }

    /// The kind a URL's shape alone suggests. Plain string tests, no regular
    /// expressions: it runs for every link of every page.
    static func urlKind(_ url: String) -> PageKind {
        let (path, query) = pathAndQuery(url)
        if ByteText.contains(path, "/feeds/") || path.hasSuffix("/feed") || path.hasSuffix("/feed/")
            || path.hasSuffix(".rss")
            || path.hasSuffix("atom.xml") || path.hasSuffix("rss.xml") || query.hasPrefix("feed=")
        {
            return .feed
        }
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        if segments.contains(where: { $0.hasPrefix("comment-page-") && digits($0.dropFirst(13)) })
            || ByteText.contains(query, "cpage=") || ByteText.contains(query, "showcomment=")
            || ByteText.contains(query, "commentpage=")
        {
            return .commentPage
        }
        let dated =
            segments.count >= 2 && segments[0].count == 4 && digits(segments[0]) && segments[1].count == 2
            && digits(segments[1])
        if dated {
            // /yyyy/mm/slug.html (Blogger), /yyyy/mm/slug/ or /yyyy/mm/dd/slug/ (WordPress).
            let rest = segments.dropFirst(2)
            let day = rest.first.map { $0.count == 2 && digits($0) } ?? false
            let slugs = day ? rest.dropFirst() : rest
            if slugs.count == 1, let slug = slugs.first, !(slug.hasSuffix("_archive.html")) { return .post }
            if slugs.isEmpty { return .index }
        }
        let fields = query.utf8.split(separator: UInt8(ascii: "&")).map { Substring($0) }
        if fields.contains(where: { $0.hasPrefix("p=") && digits($0.dropFirst(2)) }) {
            return .post
        }
        if segments.isEmpty || path.hasPrefix("/search") || ByteText.contains(path, "/label/")
            || ByteText.contains(path, "/tag/")
            || ByteText.contains(path, "/category/")
            || segments.count >= 2 && segments[segments.count - 2] == "page" && digits(segments[segments.count - 1])
            || segments.count == 1 && (digits(segments[0]) && segments[0].count == 4)
            || segments.last.map({ $0.hasSuffix("_archive.html") }) == true
        {
            return .index
        }
        return .other
    }

    /// Lower-cased path and query of an absolute or host-relative URL, fragment dropped.
    static func pathAndQuery(_ url: String) -> (path: String, query: String) {
        // Cut on UTF-8 bytes (every delimiter is ASCII): a Character walk over every link
        // of every page cost more than classifying it.
        let bytes = Array(url.utf8)
        var rest = bytes[...]
        if let scheme = ByteText.firstIndex(of: "://", in: rest) {
            rest = rest[(scheme + 3)...]
            rest =
                rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
                .map { rest[$0...] } ?? []
        }
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        func lowered(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self).lowercased() }
        guard let mark = rest.firstIndex(of: UInt8(ascii: "?")) else { return (lowered(rest), "") }
        return (lowered(rest[..<mark]), lowered(rest[(mark + 1)...]))
    }

    private static func digits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
