import Corpus
import Crawl
import Extraction
import Foundation
import Testing

/// `../shared/corpus` next to the checkout, when present.
enum SharedCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }
}

@Suite struct ExportCrawlTests {
    static let post = "http://blog.example.org/2011/07/klout/"

    /// A WXR export of one post: comment 1 visible, 2 pending, 3 spam (reply to 1), and a pingback.
    static let export = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Example</title><wp:wxr_version>1.2</wp:wxr_version>
        <item><title>A post</title><link>\(post)</link><dc:creator>ann</dc:creator>
          <wp:post_id>5</wp:post_id><wp:post_date>2011-07-01 09:00:00</wp:post_date>
          <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
          <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Ann</wp:comment_author>
            <wp:comment_date>2011-07-02 13:01:00</wp:comment_date><wp:comment_content>Hi</wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
          <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Bob</wp:comment_author>
            <wp:comment_date>2011-07-02 14:00:00</wp:comment_date><wp:comment_content>Wait for me</wp:comment_content>
            <wp:comment_approved>0</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
          <wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Cheap Pills</wp:comment_author>
            <wp:comment_date>2011-07-02 15:00:00</wp:comment_date><wp:comment_content>Buy now</wp:comment_content>
            <wp:comment_approved>spam</wp:comment_approved><wp:comment_parent>1</wp:comment_parent></wp:comment>
          <wp:comment><wp:comment_id>4</wp:comment_id><wp:comment_author>Other blog</wp:comment_author>
            <wp:comment_author_url>http://other.example/</wp:comment_author_url>
            <wp:comment_date>2011-07-03 10:00:00</wp:comment_date><wp:comment_content>[...]</wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type>
            <wp:comment_parent>0</wp:comment_parent></wp:comment>
        </item></channel></rss>
        """

    @Test func anExportAndAnArchivedPageOfOnePostMerge() throws {
        let dir = try ArchiveCrawlTests.temporaryFolder()
        try Data(Self.export.utf8).write(to: dir.appendingPathComponent("blog.wordpress.2011-07-10.xml"))
        var warc = WARCWriter()
        warc.response(
            url: Self.post, date: "2011-07-05T00:00:00Z",
            html: wordpressPage(url: Self.post, comments: [(1, "Ann", "Hi")]))
        try warc.data.write(to: dir.appendingPathComponent("crawl.warc"))
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        let summary = try crawlArchive([dir.path], into: corpus)
        #expect(summary.inputs == 2)
        var comments: [String] = []
        try corpus.forEachRow(of: "comments") { r in
            comments.append([r[1], r[2], r[12]].map { $0 ?? "∅" }.joined(separator: "|"))
        }
        #expect(comments == ["comment-1|∅|visible", "comment-3|comment-1|spam", "comment-2|∅|pending"])
        var posts: [[String?]] = []
        try corpus.forEachRow(of: "posts") { posts.append($0) }
        #expect(posts.count == 1)
        #expect(posts.first?[13] == "2")  // the export and the archived page
        var pingbacks: [[String?]] = []
        try corpus.forEachRow(of: "pingbacks") { pingbacks.append($0) }
        #expect(pingbacks.map { $0[2] } == ["http://other.example/"])  // only the export has it
        let again = try crawlArchive([dir.path], into: corpus)
        #expect(again.unchangedInputs == 2)
    }

    @Test(
        .enabled(
            if: SharedCorpus.available, "../shared/corpus not found next to the checkout: real exports not crawled"))
    func realExportsLoadEveryCommentParentAndStatus() throws {
        let dir = try ArchiveCrawlTests.temporaryFolder()
        let files = [
            "wxr-cc-labs/wordpress.xml", "wxr-spotthevuln/wordpress.xml",
            "blogger-export-testblog/test-blog-with-simple-default-theme.xml",
        ].map { SharedCorpus.root.appendingPathComponent($0).path }
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        _ = try crawlArchive(files, into: corpus)
        var perFile: [String: (comments: Int, pingbacks: Int, pending: Int, replies: Int)] = [:]
        var postFile: [String: String] = [:]
        try corpus.forEachRow(of: "posts") {
            postFile[$0[0]!] =
                ($0[17]! as NSString).lastPathComponent + "@"
                + ($0[17]!.split(separator: "/").dropLast().last.map(String.init) ?? "")
        }
        try corpus.forEachRow(of: "comments") { r in
            let key = postFile[r[0]!]!
            perFile[key, default: (0, 0, 0, 0)].comments += 1
            if r[12] == "pending" { perFile[key]!.pending += 1 }
            if r[2] != nil { perFile[key]!.replies += 1 }
        }
        try corpus.forEachRow(of: "pingbacks") { r in
            let key = postFile[r[0]!]!
            perFile[key, default: (0, 0, 0, 0)].pingbacks += 1
            if r[5] == "pending" { perFile[key]!.pending += 1 }
        }
        let cc = perFile["wordpress.xml@wxr-cc-labs"]
        #expect(cc.map { $0.comments + $0.pingbacks } == 181)
        #expect(cc?.replies == 3)
        let spot = perFile["wordpress.xml@wxr-spotthevuln"]
        #expect(spot.map { $0.comments + $0.pingbacks } == 172)
        #expect(spot?.pending == 4)
        #expect(spot?.replies == 9)
        let blogger = perFile["test-blog-with-simple-default-theme.xml@blogger-export-testblog"]
        #expect(blogger?.comments == 6)
        #expect(blogger?.replies == 3)
    }
}
