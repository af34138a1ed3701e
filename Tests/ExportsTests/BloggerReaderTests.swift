import Exports
import Testing
import ThreadModel

/// A legacy Blogger export written for these tests: template and settings entries,
/// two posts (one with a reply tree across a daylight-saving change), a draft with a
/// comment, a page, and a comment on a post the file does not hold.
let bloggerLegacyFixture = """
    <?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' \
    xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:gd='http://schemas.google.com/g/2005' \
    xmlns:thr='http://purl.org/syndication/thread/1.0'>
    <id>tag:blogger.com,1999:blog-42.archive</id><title type='text'>Fixture</title>
    <link rel='alternate' type='text/html' href='http://fixture.blogspot.com/'/>
    <entry><id>tag:blogger.com,1999:blog-42.layout</id>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#template'/>\
    <title type='text'>Template</title><content type='text'>&lt;html/&gt;</content></entry>
    <entry><id>tag:blogger.com,1999:blog-42.settings.BLOG_NAME</id>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/>\
    <content type='text'>Fixture</content></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-1001</id><published>2012-03-30T09:00:00.000+11:00</published>\
    <category scheme='http://www.blogger.com/atom/ns#' term='news'/>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>\
    <title type='text'>Daylight</title><content type='html'>&lt;p&gt;Post body&lt;/p&gt;</content>\
    <link rel='alternate' type='text/html' href='http://fixture.blogspot.com/2012/03/daylight.html' title='Daylight'/>\
    <author><name>Kim</name><uri>https://www.blogger.com/profile/111</uri><email>noreply@blogger.com</email></author></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-1002</id><published>2012-05-01T10:00:00.000+10:00</published>\
    <app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>\
    <title type='text'>Draft</title><author><name>Kim</name></author></entry>
    <entry><id>tag:blogger.com,1999:blog-42.page-1003</id><published>2011-01-01T00:00:00.000+11:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#page'/>\
    <title type='text'>About</title>\
    <link rel='alternate' type='text/html' href='http://fixture.blogspot.com/p/about.html'/>\
    <author><name>Kim</name></author></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5001</id><published>2012-03-31T20:00:00.000+11:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>First!&lt;br /&gt;Second line</content>\
    <link rel='alternate' type='text/html' href='http://fixture.blogspot.com/2012/03/daylight.html?showComment=1#c5001'/>\
    <author><name>Lee</name><uri>http://lee.example/</uri></author>\
    <thr:in-reply-to href='http://fixture.blogspot.com/2012/03/daylight.html' ref='tag:blogger.com,1999:blog-42.post-1001' \
    type='text/html'/></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5002</id><published>2012-04-01T02:30:00.000+10:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>Reply after the clock change</content>\
    <link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/42/1001/comments/default/5001'/>\
    <author><name>Kim</name><uri>https://www.blogger.com/profile/111</uri></author>\
    <thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-1001'/></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5003</id><published>2012-04-01T02:40:00.000+11:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>Reply before the clock change</content>\
    <link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/42/1001/comments/default/5001'/>\
    <author><name>Anonymous</name></author>\
    <thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-1001'/></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5004</id><published>2012-04-02T08:00:00.000+10:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>This comment has been removed by a blog administrator.</content>\
    <author><name>Anonymous</name></author><thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-1001'/>\
    <gd:extendedProperty name='blogger.contentRemoved' value='true'/></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5005</id><published>2012-04-02T09:00:00.000+10:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>This comment has been removed by the author.</content>\
    <link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/42/1001/comments/default/4999'/>\
    <author><name>Mo</name></author><thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-1001'/>\
    <gd:extendedProperty name='blogger.contentRemoved' value='true'/></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5006</id><published>2012-05-02T09:00:00.000+10:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>On the draft</content><author><name>Lee</name></author>\
    <thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-1002'/></entry>
    <entry><id>tag:blogger.com,1999:blog-42.post-5007</id><published>2012-05-02T09:00:00.000+10:00</published>\
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>\
    <content type='html'>On a lost post</content><author><name>Lee</name></author>\
    <thr:in-reply-to ref='tag:blogger.com,1999:blog-42.post-9999'/></entry>
    </feed>
    """

/// A 2018-schema Blogger file (current backups, Takeout) written for these tests.
let blogger2018Fixture = """
    <?xml version='1.0' encoding='utf-8'?>
    <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
      <id>tag:blogger.com,1999:blog-77</id>
      <title>Modern</title>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-101</id>
        <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>Nia</name><uri>https://www.blogger.com/profile/9</uri><blogger:type>BLOGGER</blogger:type></author>
        <title>Hello</title>
        <content type='html'>&lt;p&gt;Body&lt;/p&gt;</content>
        <published>2020-01-02T03:04:05.123Z</published>
        <blogger:filename>/2020/01/hello.html</blogger:filename>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-102</id>
        <blogger:type>POST</blogger:type><blogger:status>DRAFT</blogger:status>
        <author><name>Nia</name></author><title>Not yet</title>
        <published>2020-02-01T00:00:00Z</published>
        <blogger:filename>/2020/02/not-yet.html</blogger:filename>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-103</id>
        <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>Nia</name></author><title>Binned</title>
        <published>2020-02-02T00:00:00Z</published>
        <blogger:filename>/2020/02/binned.html</blogger:filename>
        <blogger:trashed>2020-03-01T00:00:00Z</blogger:trashed>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-104</id>
        <blogger:type>PAGE</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>Nia</name></author><title>About</title>
        <published>2019-12-01T00:00:00Z</published>
        <blogger:filename>/p/about.html</blogger:filename>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-301</id>
        <blogger:parent>tag:blogger.com,1999:blog-77.post-101</blogger:parent>
        <blogger:inReplyTo/><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>Ola</name><uri></uri><blogger:type>ANONYMOUS</blogger:type></author>
        <content type='html'>Nice &lt;i&gt;post&lt;/i&gt;</content>
        <published>2020-01-03T10:00:00Z</published>
        <blogger:trashed/>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-302</id>
        <blogger:parent>tag:blogger.com,1999:blog-77.post-101</blogger:parent>
        <blogger:inReplyTo>tag:blogger.com,1999:blog-77.post-301</blogger:inReplyTo>
        <blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>Nia</name><uri>https://www.blogger.com/profile/9</uri></author>
        <content type='html'>Thank you</content>
        <published>2020-01-03T11:00:00Z</published>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-303</id>
        <blogger:parent>tag:blogger.com,1999:blog-77.post-101</blogger:parent>
        <blogger:type>COMMENT</blogger:type><blogger:status>PENDING</blogger:status>
        <author><name>Pat</name></author><content type='html'>Held</content>
        <published>2020-01-04T10:00:00Z</published>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-304</id>
        <blogger:parent>tag:blogger.com,1999:blog-77.post-101</blogger:parent>
        <blogger:type>COMMENT</blogger:type><blogger:status>SPAM</blogger:status>
        <author><name>Spammer</name></author><content type='html'>Buy</content>
        <published>2020-01-05T10:00:00Z</published>
      </entry>
      <entry>
        <id>tag:blogger.com,1999:blog-77.post-305</id>
        <blogger:parent>tag:blogger.com,1999:blog-77.post-101</blogger:parent>
        <blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
        <author><name>Quinn</name></author><content type='html'>Binned comment</content>
        <published>2020-01-06T10:00:00Z</published>
        <blogger:trashed>2020-01-07T00:00:00Z</blogger:trashed>
      </entry>
    </feed>
    """

@Suite struct BloggerLegacyReaderTests {
    @Test func publishedPostsAndPagesBecomeRecords() throws {
        let contents = try readExport(bloggerLegacyFixture)
        #expect(contents.format == .bloggerLegacy)
        #expect(contents.records.map(\.post.title) == ["Daylight", "About"])
        #expect(contents.records.map(\.source.offset) == [3, 5])
        #expect(contents.records.allSatisfy { $0.platform == "blogger" })
        let post = try #require(contents.records.first)
        #expect(post.post.url == "http://fixture.blogspot.com/2012/03/daylight.html")
        #expect(post.source.url == post.post.url)
        #expect(post.post.author == "Kim")
        #expect(post.post.published == "2012-03-30T09:00:00")
        #expect(post.post.publishedRaw == "2012-03-30T09:00:00.000+11:00")
        #expect(contents.records[1].comments.isEmpty)
    }

    @Test func repliesComeFromRelatedLinksAndSiblingsFollowTheRealInstant() throws {
        let comments = try readExport(bloggerLegacyFixture).records[0].comments
        // 5003 (02:40 at +11:00) was written before 5002 (02:30 at +10:00).
        #expect(comments.map(\.id) == ["c5001", "c5003", "c5002", "c5004", "c5005"])
        #expect(comments.map(\.parent) == [nil, "c5001", "c5001", nil, nil])
        #expect(comments.map(\.depth) == [1, 2, 2, 1, 1])
        #expect(comments.map(\.position) == [1, 2, 3, 4, 5])
    }

    @Test func commentFieldsStatusesAndPostAuthor() throws {
        let record = try readExport(bloggerLegacyFixture).records[0]
        let byID = Dictionary(uniqueKeysWithValues: record.comments.map { ($0.id, $0) })
        let first = try #require(byID["c5001"])
        #expect(first.text == "First!\nSecond line")
        #expect(first.author == "Lee")
        #expect(first.authorURL == "http://lee.example/")
        #expect(first.published == "2012-03-31T20:00:00")
        #expect(first.publishedRaw == "2012-03-31T20:00:00.000+11:00")
        #expect(record.comments.filter(\.isPostAuthor).map(\.id) == ["c5002"])
        #expect(byID["c5004"]?.status == .removedByAdmin)
        #expect(byID["c5005"]?.status == .removedByAuthor)
        #expect(byID["c5001"]?.status == .visible)
        #expect(
            record.warnings == ["comment c5005 replies to c4999, which the export does not hold: shown at top level"])
    }

    @Test func commentsOfDraftsAndMissingPostsAreProblems() throws {
        let problems = try readExport(bloggerLegacyFixture).problems
        #expect(problems.map(\.entry) == [11, 12])
        #expect(
            problems.map(\.reason) == [
                "comment c5006 belongs to tag:blogger.com,1999:blog-42.post-1002, a draft or unpublished entry: left out",
                "comment c5007 belongs to tag:blogger.com,1999:blog-42.post-9999, which the export does not hold: "
                    + "left out",
            ])
        #expect(problems.allSatisfy { $0.line > 1 })
    }
}

@Suite struct Blogger2018ReaderTests {
    @Test func liveUntrashedPostsAndPagesBecomeRecords() throws {
        let contents = try readExport(blogger2018Fixture, siteURL: "https://modern.example.com/")
        #expect(contents.format == .blogger2018)
        #expect(contents.records.map(\.post.title) == ["Hello", "About"])
        #expect(contents.records.map(\.source.offset) == [1, 4])
        #expect(
            contents.records.map(\.post.url) == [
                "https://modern.example.com/2020/01/hello.html", "https://modern.example.com/p/about.html",
            ])
        #expect(contents.records[0].post.published == "2020-01-02T03:04:05")
        #expect(contents.problems.isEmpty)
    }

    @Test func withoutTheBlogAddressTheURLIsUnknown() throws {
        let record = try #require(try readExport(blogger2018Fixture).records.first)
        #expect(record.post.url == nil)
        #expect(
            record.warnings.contains(
                "the export gives the path /2020/01/hello.html but not the blog's address: URL unknown"))
    }

    @Test func commentsRepliesAndStatuses() throws {
        let record = try readExport(blogger2018Fixture, siteURL: "https://modern.example.com").records[0]
        #expect(record.comments.map(\.id) == ["c301", "c302", "c303", "c304", "c305"])
        #expect(record.comments.map(\.parent) == [nil, "c301", nil, nil, nil])
        #expect(record.comments.map(\.depth) == [1, 2, 1, 1, 1])
        #expect(record.comments.map(\.status) == [.visible, .visible, .pending, .spam, .deleted])
        #expect(record.comments.map(\.isPostAuthor) == [false, true, false, false, false])
        #expect(record.comments[0].text == "Nice post")
        #expect(record.comments[0].authorURL == nil)
        #expect(
            record.warnings == ["times are UTC as the export gives them: the blog's own time zone is unknown"])
    }
}
