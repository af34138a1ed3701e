import Exports
import Foundation
import Testing
import ThreadModel

/// The real exports in `../shared/corpus` (never copied into this repository).
/// Skipped, with a message, where `../shared` is absent (a fresh clone elsewhere).
enum SharedCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        .appendingPathComponent("corpus")
    static var available: Bool { FileManager.default.fileExists(atPath: root.path) }

    static func read(_ relativePath: String) throws -> ExportContents {
        let data = try Data(contentsOf: root.appendingPathComponent(relativePath))
        return try ExportReader.read(data, path: relativePath)
    }
}

/// Comment ids with their parents, for the replies of all records.
private func replies(_ records: [ThreadRecord]) -> [String: String] {
    var pairs: [String: String] = [:]
    for record in records {
        for comment in record.comments { if let parent = comment.parent { pairs[comment.id] = parent } }
    }
    return pairs
}

private func statusCounts(_ records: [ThreadRecord]) -> [CommentStatus: Int] {
    records.flatMap(\.comments).reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
}

@Suite(
    .enabled(if: SharedCorpus.available, "../shared/corpus not found next to the checkout: real exports not checked"))
struct RealExportTests {
    /// 224 published items (219 posts, 5 pages); its 181 `wp:comment`s are 119
    /// comments (3 of them replies) and 62 pingbacks, all approved.
    @Test func ccLabsWXR() throws {
        let contents = try SharedCorpus.read("wxr-cc-labs/wordpress.xml")
        #expect(contents.format == .wordpress(version: "1.2"))
        #expect(contents.records.count == 224)
        #expect(contents.problems.isEmpty)
        let comments = contents.records.flatMap(\.comments)
        let pingbacks = contents.records.flatMap(\.pingbacks)
        #expect(comments.count + pingbacks.count == 181)
        #expect(comments.count == 119)
        #expect(pingbacks.count == 62)
        #expect(statusCounts(contents.records) == [.visible: 119])
        #expect(
            replies(contents.records) == [
                "comment-81": "comment-80", "comment-155": "comment-154", "comment-198": "comment-197",
            ])
        #expect(comments.filter { $0.depth == 2 }.count == 3)
        #expect(comments.filter(\.isPostAuthor).count == 23)
        #expect(contents.records.filter { !$0.comments.isEmpty }.count == 53)
        #expect(contents.records.allSatisfy { $0.warnings.isEmpty && $0.post.url != nil })
    }

    /// 213 items: 199 published posts and 4 pages become records (8 attachments, 2
    /// menu items do not). Its 172 `wp:comment`s are 72 comments (69 approved, 3
    /// pending, 9 replies) and 100 pingbacks (99 approved, 1 pending); the "4 pending"
    /// are those 3 comments and that pingback.
    @Test func spotTheVulnWXR() throws {
        let contents = try SharedCorpus.read("wxr-spotthevuln/wordpress.xml")
        #expect(contents.format == .wordpress(version: "1.1"))
        #expect(contents.records.count == 203)
        #expect(contents.problems.isEmpty)
        let comments = contents.records.flatMap(\.comments)
        #expect(comments.count == 72)
        let pingbacks = contents.records.flatMap(\.pingbacks)
        #expect(comments.count + pingbacks.count == 172)
        #expect(pingbacks.count == 100)
        #expect(pingbacks.filter { $0.status == .pending }.count == 1)
        #expect(statusCounts(contents.records) == [.visible: 69, .pending: 3])
        #expect(
            comments.filter { $0.status == .pending }.map(\.id).sorted() == [
                "comment-2188", "comment-2189", "comment-2191",
            ])
        #expect(comments.first { $0.id == "comment-2188" }?.text == "alert('xss')")
        #expect(
            replies(contents.records) == [
                "comment-603": "comment-583", "comment-1532": "comment-1530", "comment-1744": "comment-1739",
                "comment-1856": "comment-1836", "comment-1819": "comment-1816",
                "comment-1822": "comment-1821", "comment-1881": "comment-1873", "comment-2085": "comment-2084",
                "comment-2134": "comment-2132",
            ])
        #expect(comments.filter(\.isPostAuthor).count == 9)
        #expect(contents.records.flatMap(\.warnings).isEmpty)
    }

    /// 9 published records (7 posts, 2 pages; 2 draft posts passed over); 6 comments,
    /// all visible and all on "semiotics hoodie", 3 of them replies.
    @Test func bloggerTestBlog() throws {
        let contents = try SharedCorpus.read("blogger-export-testblog/test-blog-with-simple-default-theme.xml")
        #expect(contents.format == .bloggerLegacy)
        #expect(contents.records.count == 9)
        #expect(contents.problems.isEmpty)
        #expect(contents.records.filter { $0.post.url?.contains("/p/") == true }.count == 2)
        let thread = try #require(contents.records.first { $0.post.title == "semiotics hoodie" })
        #expect(thread.source.offset == 65)
        #expect(thread.post.url == "https://200ok-weblog-test.blogspot.com/2012/10/semiotics-hoodie.html")
        #expect(thread.post.published == "2012-10-27T17:54:00")
        #expect(contents.records.flatMap(\.comments).count == 6)
        #expect(
            thread.comments.map(\.id) == [
                "c4427771335982415454", "c9194569436234002269", "c7872405309194510957", "c5321406067876946484",
                "c7071214881861130764", "c703733974599135651",
            ])
        #expect(thread.comments.map(\.depth) == [1, 2, 2, 1, 2, 1])
        #expect(
            replies(contents.records) == [
                "c9194569436234002269": "c4427771335982415454", "c7872405309194510957": "c4427771335982415454",
                "c7071214881861130764": "c5321406067876946484",
            ])
        #expect(thread.comments.allSatisfy { $0.status == .visible && $0.isPostAuthor && $0.author == "200ok" })
        #expect(thread.comments.first?.published == "2012-11-05T00:15:05")
        #expect(thread.comments.last?.text == "Test comment 3.")
        #expect(contents.records.allSatisfy { $0.warnings.isEmpty })
    }
}
