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
        if let mime, mime.contains("rss") || mime.contains("atom") || mime == "application/xml" { return .feed }
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

    /// The kind a URL's shape alone suggests.
    static func urlKind(_ url: String) -> PageKind {
        guard let parts = URLComponents(string: url) else { return .other }
        let path = parts.path.lowercased()
        let query = (parts.percentEncodedQuery ?? "").lowercased()
        if path.contains("/feeds/") || path.hasSuffix("/feed") || path.hasSuffix("/feed/") || path.hasSuffix(".rss")
            || path.hasSuffix("atom.xml") || path.hasSuffix("rss.xml") || query.hasPrefix("feed=")
        {
            return .feed
        }
        if path.range(of: #"/comment-page-\d+"#, options: .regularExpression) != nil || query.contains("cpage=")
            || query.contains("showcomment=") || query.contains("commentpage=")
        {
            return .commentPage
        }
        if path.range(of: #"^/\d{4}/\d{2}/[^/]+\.html?$"#, options: .regularExpression) != nil
            || path.range(of: #"^/\d{4}/\d{2}/(\d{2}/)?[^/]+/?$"#, options: .regularExpression) != nil
                && path.range(of: #"^/\d{4}/\d{2}/\d{2}/?$"#, options: .regularExpression) == nil
            || query.range(of: #"(^|&)p=\d+"#, options: .regularExpression) != nil
        {
            return .post
        }
        if path == "/" || path.isEmpty || path.hasPrefix("/search") || path.contains("/label/")
            || path.contains("/tag/") || path.contains("/category/")
            || path.range(of: #"/page/\d+/?$"#, options: .regularExpression) != nil
            || path.range(of: #"^/\d{4}(/\d{2}(/\d{2})?)?(/|_archive\.html)?$"#, options: .regularExpression) != nil
        {
            return .index
        }
        return .other
    }
}
