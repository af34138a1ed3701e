import ArchiveURLs
import Testing

@Suite struct CommentPageLinkTests {
    @Test(arguments: [
        ("http://example.com/2011/07/post-slug/comment-page-3/", "http://example.com/2011/07/post-slug", 3),
        ("https://www.example.com/post-slug/comment-page-12/#comments", "http://example.com/post-slug", 12),
        ("http://example.com/post-slug/comment-page-1", "http://example.com/post-slug", 1),
        ("http://example.com/?p=12&cpage=2#comments", "http://example.com/?p=12", 2),
        ("http://example.com/post-slug/?cpage=4", "http://example.com/post-slug", 4),
        ("http://blog.blogspot.com/2011/07/post.html?commentPage=2", "http://blog.blogspot.com/2011/07/post.html", 2),
        ("http://example.com/post/comment-page-5/?cpage=2", "http://example.com/post", 5),
    ])
    func commentPages(url: String, post: String, page: Int) {
        let link = CommentPageLink(url)
        #expect(link?.postURL == post)
        #expect(link?.position == .page(page))
    }

    @Test(arguments: [
        (
            "http://blog.blogspot.com/2011/07/klout.html?showComment=1311515100000#c6303552741019488700",
            "1311515100000", "c6303552741019488700"
        ),
        ("http://blog.blogspot.com/2011/07/klout.html?showComment=1311515100000", "1311515100000", nil),
        ("http://blog.blogspot.com/2011/07/klout.html?m=1&showComment=1311515100000#", "1311515100000", nil),
    ])
    func bloggerSingleComment(url: String, shown: String, anchor: String?) {
        let link = CommentPageLink(url)
        #expect(link?.postURL == "http://blog.blogspot.com/2011/07/klout.html")
        #expect(link?.position == .comment(showComment: shown, anchor: anchor))
    }

    @Test(arguments: [
        "http://example.com/2011/07/post.html", "http://example.com/?p=12", "http://example.com/post?replytocom=45",
        "http://example.com/post/comment-page-0/", "http://example.com/post?cpage=", "http://example.com/post?cpage=x",
        "http://example.com/post?cpage=-2", "http://example.com/post?showComment=", "not a url", "",
        "/post/comment-page-2/",
    ])
    func notCommentViews(url: String) {
        #expect(CommentPageLink(url) == nil)
    }

    /// One parse gives what ``CanonicalURL/canonical(_:)`` and ``CommentPageLink`` give
    /// separately (page 1 for the post and for single-comment views).
    @Test(arguments: [
        "http://example.com/2011/07/post-slug/comment-page-3/", "http://example.com/?p=12&cpage=2#comments",
        "http://blog.blogspot.com/2011/07/post.html?showComment=1311111111111#c123",
        "https://www.example.com/post-slug/", "http://example.com/post/comment-page-0", "mailto:x@example.com",
        "http://example.com/post/?replytocom=5",
    ])
    func canonicalAndPageAgreeWithTheSeparateAnswers(url: String) {
        let both = CommentPageLink.canonicalAndPage(url)
        #expect(both?.canonical == CanonicalURL.canonical(url))
        if both != nil {
            let page: Int
            if case .page(let n) = CommentPageLink(url)?.position { page = n } else { page = 1 }
            #expect(both?.page == page)
        }
    }
}
