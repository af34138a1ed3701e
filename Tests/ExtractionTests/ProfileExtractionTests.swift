import Extraction
import Foundation
import Testing
import ThreadModel

/// Extracts a fixture page we wrote (Tests/ExtractionTests/Fixtures).
func extractFixture(_ name: String) throws -> PageExtraction {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures"))
    let extractor = try ThreadExtractor(profiles: try ProfileSet.bundled())
    return try extractor.extract(data: try Data(contentsOf: url), source: SourceInfo(file: name + ".html"))
}

@Suite struct BloggerTests {
    @Test func classicCommentsBlock() throws {
        let page = try extractFixture("blogger-classic")
        let r = page.record
        #expect(page.profile == "blogger-classic")
        #expect(r.platform == "blogger")
        #expect(r.post.title == "Counting replies")
        #expect(r.post.author == "Ada Byline")
        #expect(r.post.published == "2011-07-23")
        #expect(r.post.publishedRaw == "Saturday, July 23, 2011")
        #expect(r.post.commentCountShown == 4)
        #expect(r.post.url == "http://metricnotes.blogspot.com/2011/07/counting-replies.html")
        #expect(r.comments.map(\.id) == ["c100", "c101", "c102", "c103"])
        #expect(r.comments.map(\.author) == ["Rick Reader", "Anonymous", "Ada Byline", "Old Timer"])
        #expect(
            r.comments.map(\.authorURL) == [
                "http://www.blogger.com/profile/111", nil, "http://www.blogger.com/profile/999",
                "http://www.blogger.com/profile/222",
            ])
        #expect(r.comments.map(\.status) == [.visible, .removedByAdmin, .visible, .removedByAuthor])
        #expect(r.comments.map(\.isPostAuthor) == [false, false, true, false])
        #expect(r.comments.map(\.depth) == [1, 1, 1, 1])
        #expect(r.comments.allSatisfy { $0.parent == nil })
        #expect(r.comments[0].text == "First line\nsecond line")
        #expect(r.comments[0].published == "2011-07-24T13:45")
        #expect(r.comments[0].publishedRaw == "July 24, 2011 at 1:45 PM")
        // Time-only byline completed from the showComment instant.
        #expect(r.comments[1].publishedRaw == "3:06 PM")
        #expect(r.comments[1].published == "2011-07-24T15:06")
        // Numeric date settled as month-first by the 25 in the middle.
        #expect(r.comments[3].published == "2011-07-25T21:00")
        #expect(r.warnings.isEmpty)
    }

    @Test func customClassicTemplate() throws {
        let r = try extractFixture("blogger-custom-classic").record
        #expect(r.comments.map(\.id) == ["c5001", "c5002", "c5003"])
        #expect(r.comments.map(\.author) == ["Joe", "PMS_Chicago", "Anonymous"])
        #expect(r.comments.map(\.status) == [.visible, .removedByAuthor, .visible])
        #expect(r.comments[0].text == "Plain text comment\nwith two paragraphs.")
        #expect(r.comments[0].publishedRaw == "11:58 AM")
        // showComment=1183910280000 is 15:58 UTC; 11:58 local fixes the date.
        #expect(r.comments[0].published == "2007-07-08T11:58")
        #expect(r.comments[2].authorURL == nil)
    }

    @Test func threadedRepliesAndScriptTemplatesIgnored() throws {
        let page = try extractFixture("blogger-threaded")
        let r = page.record
        #expect(page.profile == "blogger-threaded")
        #expect(r.comments.map(\.id) == ["c900", "c901", "c902", "c903"])
        #expect(r.comments.map(\.parent) == [nil, "c900", "c900", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 2, 1])
        #expect(r.comments.map(\.position) == [1, 2, 3, 4])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .removedByAdmin, .visible])
        #expect(r.comments[1].text == "Author reply.")
        #expect(r.comments[0].text == "Top-level words.\nSecond line.")
        #expect(r.comments[2].author == "Anonymous")
        #expect(r.comments[3].published == "2013-10-07T18:00")
        #expect(r.post.commentCountShown == 4)
    }
}

@Suite struct WordPressTests {
    @Test func threadedTheme() throws {
        let page = try extractFixture("wordpress-threaded")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.platform == "wordpress")
        #expect(r.post.title == "Why scores")
        #expect(r.post.author == "Priya Natarajan")
        #expect(r.post.published == "2011-07-23")
        #expect(r.post.url == "http://engagementlab.example.org/2011/07/why-scores/")
        #expect(r.post.commentCountShown == 6)
        #expect(r.comments.map(\.id) == ["comment-12", "comment-13", "comment-14", "comment-15"])
        #expect(r.comments.map(\.parent) == [nil, "comment-12", "comment-13", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 1])
        #expect(r.comments.map(\.author) == ["Omar Commenter", "Priya Natarajan", "Lee", "Watches"])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .pending, .visible])
        #expect(r.comments[0].text == "Scores hide the thread.\n=HYPERLINK(\"http://evil\")")
        #expect(r.comments[0].published == "2011-07-24T13:45")
        #expect(r.comments[2].text == "Pending reply.")
        #expect(r.comments[2].authorURL == nil)
        #expect(
            r.pingbacks.map(\.url) == [
                "http://otherblog.example.com/2011/07/25/scores/", "http://third.example.com/t/",
            ])
        #expect(r.pingbacks.first?.title == "Why influence scores mislead | Other Blog")
        // 6 = 4 comments + 2 pingbacks, as WordPress counts: no warning.
        #expect(r.warnings.isEmpty)
    }

    @Test func olderThemeWithCommentBodyContainer() throws {
        let r = try extractFixture("wordpress-classic").record
        #expect(r.comments.map(\.author) == ["Ann", "Ben"])
        #expect(r.comments.map(\.text) == ["Classic body text.", "Nested reply text."])
        #expect(r.comments.map(\.parent) == [nil, "comment-7"])
        #expect(r.comments.map(\.published) == ["2010-03-03T16:05", "2010-03-04T09:15"])
        #expect(r.post.commentCountShown == 2)
    }

    @Test func pageWithoutCommentsStillGivesARecord() throws {
        let r = try extractFixture("no-comments").record
        #expect(r.platform == "wordpress")
        #expect(r.comments.isEmpty)
        #expect(r.post.title == "Comments closed")
        #expect(r.post.commentCountShown == nil)
    }
}

@Suite struct RecordTests {
    @Test func jsonLineHasSortedKeysAndExplicitNulls() throws {
        let r = try extractFixture("wordpress-classic").record
        let line = String(decoding: try r.jsonLine(), as: UTF8.self)
        #expect(!line.contains("\n"))
        #expect(
            line.hasPrefix(
                #"{"comments":[{"author":"Ann","author_url":"http://a.example","depth":1,"id":"comment-7","is_anonymous":false,"is_post_author":false,"parent":null,"position":1,"#
            ))
        #expect(line.contains(#""comments_hosted":null,"pingbacks":[],"platform":"wordpress","#))
        #expect(line.contains(#""profile":"wordpress","schema":"#))
        #expect(line.contains(#""schema":"threadminer.thread/1""#))
        #expect(line.contains(#""source":{"captured":null,"file":"wordpress-classic.html","offset":0,"url":null}"#))
        let back = try ThreadRecord.decode(jsonLine: Data(line.utf8))
        #expect(back == r)
    }

    @Test func recordsWrittenBeforeProfileAndAnonymousFieldsStillDecode() throws {
        let old = #"""
            {"comments":[{"author":"Ann","author_url":null,"depth":1,"id":"p1","is_post_author":false,"parent":null,\
            "position":1,"published":null,"published_raw":null,"status":"visible","text":"Hi"}],"pingbacks":[],\
            "platform":null,"post":{"author":null,"comment_count_shown":null,"published":null,"published_raw":null,\
            "title":null,"url":null},"schema":"threadminer.thread/1","source":{"captured":null,"file":"a.html",\
            "offset":0,"url":null},"warnings":[]}
            """#.replacingOccurrences(of: "\\\n", with: "")
        let r = try ThreadRecord.decode(jsonLine: Data(old.utf8))
        #expect(r.profile == nil && r.commentsHosted == nil)
        #expect(r.comments.map(\.isAnonymous) == [false] && r.comments.map(\.publishedRelative) == [false])
    }

    @Test func invalidProfileIsReportedWithItsName() throws {
        let json = #"{"name": "broken", "platform": "x", "comments": {"item": "//li["}}"#
        let profile = try JSONDecoder().decode(Profile.self, from: Data(json.utf8))
        #expect(throws: ProfileError.self) { try ThreadExtractor(profiles: ProfileSet(profiles: [profile])) }
        do {
            _ = try ThreadExtractor(profiles: ProfileSet(profiles: [profile]))
        } catch {
            #expect("\(error)".contains("broken"))
            #expect("\(error)".contains("//li["))
        }
    }

    @Test func pingbackExcerptsAndReblogNotesAreNotComments() throws {
        let json = #"""
            {"name": "tiny", "platform": "tinyblog",
             "comments": {"item": "//div[@class='note']", "author": ["b"], "author_url": ["b/a/@href"], "text": ["p"]}}
            """#
        let profile = try JSONDecoder().decode(Profile.self, from: Data(json.utf8))
        let extractor = try ThreadExtractor(profiles: ProfileSet(profiles: [profile]))
        let html = """
            <div class='note'><b>Zoe</b><p>Real comment [...] with marks inside</p></div>
            <div class='note'><b><a href='http://other.example/p'>Other Blog</a></b><p>[…] an excerpt of theirs […]</p></div>
            <div class='note'><b>Yan</b><p>Jul 20 2012<br>Reblogged this on Yan's blog.</p></div>
            <div class='note'><b>Xu</b><p>Last one</p></div>
            """
        let r = try extractor.extract(data: Data(html.utf8), source: SourceInfo(file: "t.html")).record
        #expect(r.comments.map(\.author) == ["Zoe", "Xu"])
        #expect(r.comments.map(\.position) == [1, 2])
        #expect(r.pingbacks.map(\.title) == ["Other Blog", "Yan"])
        #expect(r.pingbacks.first?.url == "http://other.example/p")
    }

    @Test func byteGatesFindStringsAtEitherEndOfThePageAndNowhereElse() throws {
        func profile(_ gate: String) throws -> Profile {
            let json = #"{"name": "g", "platform": "x", "requires": ["\#(gate)"], "comments": {"item": "//p"}}"#
            return try JSONDecoder().decode(Profile.self, from: Data(json.utf8))
        }
        let page = Data("<!--abc--><p>one</p><p>two</p><!--xyz-->".utf8)
        for (gate, fires) in [
            ("<!--abc", true), ("xyz-->", true), ("z-->", true), ("<p>one</p><p>two", true),
            ("xyzw", false), ("ab c", false), ("one</p><p>one", false),
        ] {
            let extractor = try ThreadExtractor(profiles: ProfileSet(profiles: [try profile(gate)]))
            let r = try extractor.extract(data: page, source: SourceInfo(file: "g.html")).record
            #expect((r.profile == "g") == fires, "\(gate)")
        }
    }

    @Test func aNewTemplateIsANewFile() throws {
        let json = #"""
            {"name": "tiny", "platform": "tinyblog",
             "comments": {"item": "//div[@class='note']", "author": ["b"], "text": ["p"]}}
            """#
        let profile = try JSONDecoder().decode(Profile.self, from: Data(json.utf8))
        let extractor = try ThreadExtractor(profiles: ProfileSet(profiles: [profile]))
        let html = "<div class='note'><b>Zoe</b><p>Hi there</p></div><div class='note'><b>Yan</b><p>Hello</p></div>"
        let r = try extractor.extract(data: Data(html.utf8), source: SourceInfo(file: "t.html")).record
        #expect(r.platform == "tinyblog")
        #expect(r.comments.map(\.author) == ["Zoe", "Yan"])
        #expect(r.comments.map(\.text) == ["Hi there", "Hello"])
        #expect(r.comments.map(\.id) == ["p1", "p2"])
    }
}
