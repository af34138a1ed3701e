import Testing

@testable import Crawl

@Suite struct PageClassifierTests {
    @Test(arguments: [
        ("http://x.blogspot.com/2011/07/klout.html", PageKind.post),
        ("http://x.blogspot.com/2011/07/klout.html?showComment=1311600000000#c1", .commentPage),
        ("http://x.blogspot.com/2011/07/", .index),
        ("http://x.blogspot.com/2011_07_01_archive.html", .index),
        ("http://x.blogspot.com/search/label/klout", .index),
        ("http://x.blogspot.com/feeds/posts/default", .feed),
        ("http://blog.example.org/2011/07/23/klout/", .post),
        ("http://blog.example.org/2011/07/klout/comment-page-2/#comments", .commentPage),
        ("http://blog.example.org/2011/07/23/", .index),
        ("http://blog.example.org/?p=12", .post),
        ("http://blog.example.org/?cpage=2&p=12", .commentPage),
        ("http://blog.example.org/page/3/", .index),
        ("http://blog.example.org/category/news/", .index),
        ("http://blog.example.org/2011/", .index),
        ("http://blog.example.org/", .index),
        ("/2011/07/klout/", .post),
        ("http://blog.example.org/feed/", .feed),
        ("http://data.gov.uk/blog/open-data", .other),
        ("http://blog.example.org/about", .other),
    ])
    func urlShapes(url: String, kind: PageKind) {
        #expect(PageClassifier.urlKind(url) == kind, "\(url)")
    }
}
