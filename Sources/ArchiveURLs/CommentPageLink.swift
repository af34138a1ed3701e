/// A URL that shows a further page of a post's comments, or one comment, rather than the
/// post itself: WordPress `/comment-page-N/` and `?cpage=N`, Blogger `?commentPage=N` and
/// `?showComment=<ms>[#c<id>]`. (`?replytocom=` shows the post's first page with a reply
/// form: ``CanonicalURL`` folds it into the post and it is not reported here.)
public struct CommentPageLink: Sendable, Hashable {
    /// What the link shows besides the post.
    public enum Position: Sendable, Hashable {
        /// Comment page `N` (1-based, as the platform numbers it).
        case page(Int)
        /// Blogger's single-comment view: the `showComment` value (the comment's Unix time in
        /// milliseconds, as written) and the fragment naming the comment (`c6303…`), if any.
        case comment(showComment: String, anchor: String?)
    }

    /// The post's ``CanonicalURL``.
    public let postURL: String
    public let position: Position

    /// `nil` for URLs that are not comment views, not absolute `http(s)` URLs, or carry a
    /// page number below 1. With several markers the path segment wins, then `cpage`,
    /// `commentPage`, `showComment`.
    public init?(_ url: String) {
        guard let form = CanonicalURL.Form(url) else { return nil }
        self.init(form: form)
    }

    /// `url`'s ``CanonicalURL`` and the comment page it shows (1 for the post's own page
    /// and for single-comment views), from one parse of the URL; `nil` when `url` has no
    /// canonical form.
    public static func canonicalAndPage(_ url: String) -> (canonical: String, page: Int)? {
        guard let form = CanonicalURL.Form(url) else { return nil }
        guard let link = CommentPageLink(form: form), case .page(let number) = link.position else {
            return (form.text, 1)
        }
        return (form.text, number)
    }

    private init?(form: CanonicalURL.Form) {
        func page(_ key: String) -> Int? {
            guard let value = form.removed[key], value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(value)
        }
        if let number = form.commentPage ?? page("cpage") ?? page("commentpage") {
            guard number >= 1 else { return nil }
            position = .page(number)
        } else if let shown = form.removed["showcomment"], !shown.isEmpty {
            let anchor = form.fragment.flatMap { $0.isEmpty ? nil : String($0) }
            position = .comment(showComment: String(shown), anchor: anchor)
        } else {
            return nil
        }
        postURL = form.text
    }
}
