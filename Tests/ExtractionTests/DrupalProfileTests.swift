import Extraction
import Foundation
import Testing
import ThreadModel

@Suite struct DrupalTests {
    @Test func drupal6RepliesInIndentedBlocks() throws {
        let page = try extractFixture("drupal-6")
        let r = page.record
        #expect(page.profile == "drupal")
        #expect(r.platform == "drupal")
        #expect(r.post.author == "Hettie Marsh")
        #expect(r.post.publishedRaw == "Fri, 03/08/2013 - 09:12")
        #expect(r.comments.map(\.id) == ["comment-101", "comment-102", "comment-104", "comment-106", "comment-103"])
        #expect(r.comments.map(\.parent) == [nil, "comment-101", "comment-102", "comment-101", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 2, 1])
        #expect(r.comments.map(\.author) == ["Olwen Pryce", "Hettie Marsh", "Tom Beddoe", "Gwil Aston", "Visitor"])
        #expect(r.comments.map(\.authorURL) == ["/user/7", "/user/3", "http://tomsveg.example.org/", "/user/9", nil])
        // The post's author by name: Drupal 6 marks no class.
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false, false, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible, .visible, .pending])
        // 03/15 settles month-first for the whole page.
        #expect(
            r.comments.map(\.published) == [
                "2013-03-08T11:40", "2013-03-08T13:05", "2013-03-09T08:15", "2013-03-10T17:30", "2013-03-15T22:01",
            ])
        #expect(r.comments[0].publishedRaw == "Fri, 03/08/2013 - 11:40")
        #expect(
            r.comments.map(\.text) == [
                "Which brand did you buy? Ours cracked in the first frost.",
                "A plain plastic one from the hardware shop.\nBring it in before November.",
                "Mine sits on a brick so the mower misses it.", "Ours survived two winters in the shed.",
                "Cheap gauges at my shop, follow the link.",
            ])
    }

    @Test func garlandBylineDateThenName() throws {
        let r = try extractFixture("drupal-6-garland").record
        #expect(r.post.author == "Parish Clerk")
        #expect(r.post.published == "2009-06-13")
        #expect(r.comments.map(\.id) == ["comment-7", "comment-8"])
        #expect(r.comments.map(\.author) == ["Mabel Frost", "Jory Venn"])
        #expect(r.comments.map(\.authorURL) == ["/user/2", nil])
        #expect(r.comments.map(\.published) == ["2009-06-14T19:02", "2009-06-15T07:45"])
        #expect(r.comments.map(\.parent) == [nil, nil])
        #expect(
            r.comments.map(\.text) == [
                "Will Thursday ringing practice move to the school hall?", "Thanks for the notice.",
            ])
    }

    @Test func drupal7CommentClassesAndRDFDates() throws {
        let page = try extractFixture("drupal-7")
        let r = page.record
        #expect(page.profile == "drupal")
        #expect(r.post.author == "Ned Harbour")
        #expect(r.post.published == "2011-02-28")
        #expect(r.comments.map(\.id) == ["comment-201", "comment-202", "comment-203", "comment-204"])
        #expect(r.comments.map(\.parent) == [nil, "comment-201", "comment-202", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 1])
        #expect(r.comments.map(\.author) == ["Wren Talbot", "Ned Harbour", "Dora Keel", "boatsforsale"])
        #expect(r.comments.map(\.authorURL) == ["http://fishing.example.net/", "/user/1", nil, "/user/6"])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible, .pending])
        #expect(
            r.comments.map(\.published) == [
                "2011-03-01T10:00", "2011-03-01T12:30", "2011-03-02T07:05", "2011-03-04T23:59",
            ])
        #expect(r.comments[0].publishedRaw == "2011-03-01T10:00:00+01:00")
        // Subject, byline, signature and links are not the comment's text.
        #expect(
            r.comments.map(\.text) == [
                "The gauge is right; the tables are for the old pier.",
                "That explains it.\nI will post corrected tables.",
                "Please do, the sailing club uses them.", "Boats for sale, see my profile.",
            ])
    }

    @Test func drupal8Articles() throws {
        let r = try extractFixture("drupal-8").record
        #expect(r.comments.map(\.id) == ["comment-31", "comment-32"])
        #expect(r.comments.map(\.parent) == [nil, "comment-31"])
        #expect(r.comments.map(\.author) == ["Ines Brook", "Pat Quill"])
        #expect(r.comments.map(\.authorURL) == ["/user/4", nil])
        #expect(r.comments.map(\.isPostAuthor) == [true, false])
        #expect(r.comments.map(\.status) == [.visible, .pending])
        #expect(r.comments.map(\.published) == ["2018-03-05T14:20", "2018-03-13T08:02"])
        #expect(r.comments.map(\.text) == ["We will have two tables this year.", "I can bring runner beans."])
    }

    @Test func replyModuleDepthClasses() throws {
        let r = try extractFixture("drupal-reply").record
        #expect(r.post.author == "rowan")
        #expect(r.post.published == "2014-01-10")
        #expect(r.comments.map(\.id) == ["reply-51", "reply-53", "reply-54", "reply-52"])
        #expect(r.comments.map(\.parent) == [nil, "reply-51", "reply-53", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 1])
        #expect(r.comments.map(\.author) == ["quentin", "rowan", "quentin", "mira"])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false, false])
        // 14/01 settles day-first.
        #expect(
            r.comments.map(\.published) == [
                "2014-01-14T09:30", "2014-01-14T11:02", "2014-01-15T08:10", "2014-01-16T17:45",
            ])
        #expect(r.comments[3].text == "Please include step-free access.")
    }

    @Test func firesOnNoOtherPlatform() throws {
        let drupal = try ProfileSet.bundled().profiles.filter { $0.name == "drupal" }
        let extractor = try ThreadExtractor(profiles: ProfileSet(profiles: drupal))
        for name in [
            "blogger-classic", "blogger-custom-classic", "blogger-threaded", "wordpress-classic", "wordpress-threaded",
            "no-comments",
        ] {
            let url = try #require(
                Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures"))
            let r = try extractor.extract(data: try Data(contentsOf: url), source: SourceInfo(file: name)).record
            // Other platforms' comments may still come through the generic fallback.
            #expect(r.profile != "drupal", "\(name)")
            #expect(r.platform == nil, "\(name)")
        }
    }

    @Test func depthRuleTakesTheNearestEarlierCommentOneLevelUp() throws {
        let json = #"""
            {"name": "levels", "platform": "x",
             "comments": {"item": "//p", "depth": [{"xpath": "@data-level", "regex": "^(\\d+)$"}]}}
            """#
        let profile = try JSONDecoder().decode(Profile.self, from: Data(json.utf8))
        let extractor = try ThreadExtractor(profiles: ProfileSet(profiles: [profile]))
        // A jump of two levels hangs under the nearest shallower comment; no level means top level.
        let html = """
            <p data-level="0">a</p><p data-level="2">b</p><p data-level="1">c</p>\
            <p data-level="2">d</p><p>e</p><p data-level="1">f</p>
            """
        let r = try extractor.extract(data: Data(html.utf8), source: SourceInfo(file: "t.html")).record
        #expect(r.comments.map(\.parent) == [nil, "p1", "p1", "p3", nil, "p5"])
        #expect(r.comments.map(\.depth) == [1, 2, 2, 3, 1, 2])
    }
}
