import Evaluation
import Foundation
import Testing
import ThreadModel

@Suite struct GoldPageTests {
    static let json = """
        {"source": "dragnet/HTML/T71.html", "platform": "blogger",
         "post": {"title": "A post", "author": null, "published_text": null},
         "comment_count_shown": 41, "pingbacks": 0,
         "comments": [
          {"n": 1, "parent": null, "author": "Joe", "author_url": "http://www.blogger.com/profile/1",
           "published_text": "11:58 AM", "published": null, "status": "visible", "is_post_author": false,
           "text_start": "First comment", "text_end": "its end"},
          {"n": 2, "parent": 1, "author": "Ann", "author_url": null,
           "published_text": "April 19, 2005 7:14 PM", "published": "2005-04-19T19:14",
           "status": "removed_by_author", "is_post_author": true,
           "text_start": "This comment has been removed by the author.", "text_end": "by the author."}],
         "notes": "two comments"}
        """

    @Test func decodesTheGoldShape() throws {
        let page = try JSONDecoder().decode(GoldPage.self, from: Data(Self.json.utf8))
        #expect(page.source == "dragnet/HTML/T71.html" && page.platform == "blogger")
        #expect(page.post == GoldPage.Post(title: "A post"))
        #expect(page.commentCountShown == 41 && page.pingbacks == 0 && page.notes == "two comments")
        #expect(
            page.comments[0]
                == GoldPage.Comment(
                    n: 1, author: "Joe", authorURL: "http://www.blogger.com/profile/1", publishedText: "11:58 AM",
                    textStart: "First comment", textEnd: "its end"))
        let second = page.comments[1]
        #expect(second.parent == 1 && second.authorURL == nil && second.published == "2005-04-19T19:14")
        #expect(second.status == .removedByAuthor && second.isPostAuthor)
    }

    @Test func loadSortsByNameAndNamesTheBadFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.json.utf8).write(to: dir.appendingPathComponent("b.json"))
        try Data(Self.json.utf8).write(to: dir.appendingPathComponent("a.json"))
        try Data("not gold".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        #expect(try GoldPage.load(directory: dir).map(\.name) == ["a", "b"])

        let bad = Self.json.replacingOccurrences(of: "removed_by_author", with: "gone")
        try Data(bad.utf8).write(to: dir.appendingPathComponent("c.json"))
        let error = #expect(throws: GoldPage.LoadError.self) { try GoldPage.load(directory: dir) }
        #expect(error?.file.hasSuffix("c.json") == true)
        #expect(error?.problem.hasPrefix("comments[1].status:") == true, "\(error?.problem ?? "")")
    }

    @Test func missingDirectoryIsALoadError() {
        #expect(throws: GoldPage.LoadError.self) {
            try GoldPage.load(directory: URL(fileURLWithPath: "/nonexistent/gold"))
        }
    }
}
