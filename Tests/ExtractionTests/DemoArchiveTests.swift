import Extraction
import Foundation
import Testing
import ThreadModel

/// The demo archive's generator writes the truth for every page it makes
/// (`notebooks-data/demo-expected.json`); extraction must reproduce all of it.
@Suite struct DemoArchiveTests {
    struct Expected: Decodable {
        struct Page: Decodable {
            var path: String
            var broken: Bool
            var platform: String?
            var post: Post?
            var pingbacks: [Pingback]
            var comments: [Comment]
        }
        struct Post: Decodable {
            var url: String?
            var title: String?
            var author: String?
            var published: String?
            var published_raw: String?
            var comment_count_shown: Int?
        }
        struct Pingback: Decodable {
            var url: String?
            var title: String?
        }
        struct Comment: Decodable {
            var id: String
            var parent: String?
            var depth: Int
            var author: String?
            var author_url: String?
            var is_post_author: Bool
            var published: String?
            var published_raw: String?
            var status: String
            var text: String
        }
        var pages: [Page]
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks-data")

    @Test func everyFieldOfEveryDemoPageMatchesTheGeneratorsTruth() throws {
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.root.appendingPathComponent("demo-expected.json")))
        let extractor = try ThreadExtractor(profiles: try ProfileSet.bundled())
        #expect(expected.pages.count == 33)
        for page in expected.pages {
            let file = Self.root.appendingPathComponent("demo-archive").appendingPathComponent(page.path)
            let data = try Data(contentsOf: file)
            if page.broken {
                #expect(throws: ExtractionError.self) {
                    try extractor.extract(data: data, source: SourceInfo(file: page.path))
                }
                continue
            }
            let r = try extractor.extract(data: data, source: SourceInfo(file: page.path)).record
            let post = try #require(page.post)
            #expect(r.platform == page.platform, "\(page.path)")
            #expect(r.post.url == post.url, "\(page.path)")
            #expect(r.post.title == post.title, "\(page.path)")
            #expect(r.post.author == post.author, "\(page.path)")
            #expect(r.post.published == post.published, "\(page.path)")
            #expect(r.post.publishedRaw == post.published_raw, "\(page.path)")
            #expect(r.post.commentCountShown == post.comment_count_shown, "\(page.path)")
            #expect(r.pingbacks.map(\.url) == page.pingbacks.map(\.url), "\(page.path)")
            #expect(r.pingbacks.map(\.title) == page.pingbacks.map(\.title), "\(page.path)")
            try #require(r.comments.count == page.comments.count, "\(page.path)")
            for (got, want) in zip(r.comments, page.comments) {
                let at = "\(page.path) \(want.id)"
                #expect(got.id == want.id, "\(at)")
                #expect(got.parent == want.parent, "\(at)")
                #expect(got.depth == want.depth, "\(at)")
                #expect(got.author == want.author, "\(at)")
                #expect(got.authorURL == want.author_url, "\(at)")
                #expect(got.isPostAuthor == want.is_post_author, "\(at)")
                #expect(got.published == want.published, "\(at)")
                #expect(got.publishedRaw == want.published_raw, "\(at)")
                #expect(got.status.rawValue == want.status, "\(at)")
                #expect(got.text == want.text, "\(at)")
            }
        }
    }
}
