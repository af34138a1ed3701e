import Exports
import Foundation
import Testing
import ThreadModel

/// A WordPress 1.2 export written for these tests: one post with a reply tree,
/// pending, spam and trashed comments, a pingback and two orphaned replies; a draft
/// with a comment; an attachment; a page without comments; a menu item.
let wxrFixture = """
    <?xml version="1.0" encoding="UTF-8" ?>
    <!-- generator="WordPress/4.0.1" created="2014-11-21 15:01" -->
    <rss version="2.0"
        xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
        xmlns:content="http://purl.org/rss/1.0/modules/content/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:wp="http://wordpress.org/export/1.2/">
    <channel>
      <title>Fixture Blog</title>
      <wp:wxr_version>1.2</wp:wxr_version>
      <wp:author><wp:author_id>7</wp:author_id><wp:author_login>ada</wp:author_login>\
    <wp:author_display_name><![CDATA[Ada L.]]></wp:author_display_name></wp:author>
      <item>
        <title>On engines</title>
        <link>https://blog.example/2011/07/engines/</link>
        <dc:creator><![CDATA[ada]]></dc:creator>
        <wp:post_id>10</wp:post_id>
        <wp:post_date>2011-07-23 09:15:00</wp:post_date>
        <wp:status>publish</wp:status>
        <wp:post_type>post</wp:post_type>
        <wp:comment>
          <wp:comment_id>102</wp:comment_id>
          <wp:comment_author><![CDATA[Ada L.]]></wp:comment_author>
          <wp:comment_author_url></wp:comment_author_url>
          <wp:comment_date>2011-07-24 14:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[Thanks!]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_type></wp:comment_type>
          <wp:comment_parent>101</wp:comment_parent>
          <wp:comment_user_id>7</wp:comment_user_id>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>101</wp:comment_id>
          <wp:comment_author><![CDATA[Bob]]></wp:comment_author>
          <wp:comment_author_url>http://bob.example/</wp:comment_author_url>
          <wp:comment_date>2011-07-24 13:45:00</wp:comment_date>
          <wp:comment_date_gmt>0000-00-00 00:00:00</wp:comment_date_gmt>
          <wp:comment_content><![CDATA[First <b>point</b>.

    Second   paragraph &amp; more
    and a <a
    href="http://x.example/">link</a>]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_type></wp:comment_type>
          <wp:comment_parent>0</wp:comment_parent>
          <wp:comment_user_id>0</wp:comment_user_id>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>103</wp:comment_id>
          <wp:comment_author><![CDATA[Carol]]></wp:comment_author>
          <wp:comment_date>2011-07-24 15:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[Waiting for approval]]></wp:comment_content>
          <wp:comment_approved>0</wp:comment_approved>
          <wp:comment_parent>102</wp:comment_parent>
          <wp:comment_user_id>0</wp:comment_user_id>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>108</wp:comment_id>
          <wp:comment_author><![CDATA[ada]]></wp:comment_author>
          <wp:comment_date>2011-07-24 13:50:00</wp:comment_date>
          <wp:comment_content><![CDATA[Earlier reply]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>101</wp:comment_parent>
          <wp:comment_user_id>0</wp:comment_user_id>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>104</wp:comment_id>
          <wp:comment_author><![CDATA[Cheap pills]]></wp:comment_author>
          <wp:comment_date>2011-07-25 08:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[buy now]]></wp:comment_content>
          <wp:comment_approved>spam</wp:comment_approved>
          <wp:comment_parent>0</wp:comment_parent>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>105</wp:comment_id>
          <wp:comment_author><![CDATA[Eve]]></wp:comment_author>
          <wp:comment_date>2011-07-25 09:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[Regretted]]></wp:comment_content>
          <wp:comment_approved>trash</wp:comment_approved>
          <wp:comment_parent>0</wp:comment_parent>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>106</wp:comment_id>
          <wp:comment_author><![CDATA[Other Blog &raquo; A post]]></wp:comment_author>
          <wp:comment_author_url>http://other.example/a-post/</wp:comment_author_url>
          <wp:comment_date>2011-07-25 12:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[[...] linked here [...]]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_type>pingback</wp:comment_type>
          <wp:comment_parent>0</wp:comment_parent>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>111</wp:comment_id>
          <wp:comment_author><![CDATA[Spam Blog]]></wp:comment_author>
          <wp:comment_author_url>http://spam.example/</wp:comment_author_url>
          <wp:comment_date>2011-07-25 12:30:00</wp:comment_date>
          <wp:comment_approved>0</wp:comment_approved>
          <wp:comment_type>trackback</wp:comment_type>
          <wp:comment_parent>0</wp:comment_parent>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>109</wp:comment_id>
          <wp:comment_author><![CDATA[Fay]]></wp:comment_author>
          <wp:comment_date>2011-07-26 10:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[Reply to a deleted comment]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>999</wp:comment_parent>
        </wp:comment>
        <wp:comment>
          <wp:comment_id>110</wp:comment_id>
          <wp:comment_author><![CDATA[Gus]]></wp:comment_author>
          <wp:comment_date>2011-07-26 11:00:00</wp:comment_date>
          <wp:comment_content><![CDATA[Reply to the pingback]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
          <wp:comment_parent>106</wp:comment_parent>
        </wp:comment>
      </item>
      <item>
        <title>Unfinished</title>
        <link>https://blog.example/?p=11</link>
        <dc:creator><![CDATA[ada]]></dc:creator>
        <wp:post_date>0000-00-00 00:00:00</wp:post_date>
        <wp:status>draft</wp:status>
        <wp:post_type>post</wp:post_type>
        <wp:comment>
          <wp:comment_id>201</wp:comment_id>
          <wp:comment_content><![CDATA[Early bird]]></wp:comment_content>
          <wp:comment_approved>1</wp:comment_approved>
        </wp:comment>
      </item>
      <item>
        <title>engine.jpg</title>
        <wp:status>inherit</wp:status>
        <wp:post_type>attachment</wp:post_type>
      </item>
      <item>
        <title>About</title>
        <link>https://blog.example/about/</link>
        <dc:creator><![CDATA[ada]]></dc:creator>
        <wp:post_date>2010-01-02 03:04:05</wp:post_date>
        <wp:status>publish</wp:status>
        <wp:post_type>page</wp:post_type>
      </item>
      <item>
        <title>Home</title>
        <wp:status>publish</wp:status>
        <wp:post_type>nav_menu_item</wp:post_type>
      </item>
    </channel>
    </rss>
    """

func readExport(_ xml: String, path: String = "fixture.xml", siteURL: String? = nil) throws -> ExportContents {
    try ExportReader.read(Data(xml.utf8), path: path, siteURL: siteURL)
}

@Suite struct WXRReaderTests {
    @Test func publishedPostsAndPagesBecomeRecordsWithTheirItemOrdinal() throws {
        let contents = try readExport(wxrFixture)
        #expect(contents.format == .wordpress(version: "1.2"))
        #expect(contents.records.map(\.post.title) == ["On engines", "About"])
        #expect(contents.records.map(\.source.offset) == [1, 4])
        #expect(contents.records.allSatisfy { $0.platform == "wordpress" && $0.source.file == "fixture.xml" })
        #expect(contents.records.allSatisfy { $0.source.captured == nil && $0.post.commentCountShown == nil })
        let page = contents.records[1]
        #expect(page.comments.isEmpty && page.pingbacks.isEmpty && page.warnings.isEmpty)
        #expect(page.source.url == "https://blog.example/about/")
        #expect(page.post.published == "2010-01-02T03:04:05")
        #expect(page.post.publishedRaw == "2010-01-02 03:04:05")
        #expect(!contents.repairedBytes)
    }

    @Test func thePostCarriesItsPermalinkAuthorAndDate() throws {
        let post = try readExport(wxrFixture).records[0].post
        #expect(post.url == "https://blog.example/2011/07/engines/")
        #expect(post.author == "Ada L.")
        #expect(post.published == "2011-07-23T09:15:00")
    }

    @Test func commentsFollowTheReplyTreeWithSiblingsInDateOrder() throws {
        let comments = try readExport(wxrFixture).records[0].comments
        #expect(
            comments.map(\.id) == [
                "comment-101", "comment-108", "comment-102", "comment-103", "comment-104", "comment-105", "comment-109",
                "comment-110",
            ])
        #expect(comments.map(\.position) == Array(1...8))
        #expect(comments.map(\.depth) == [1, 2, 2, 3, 1, 1, 1, 1])
        #expect(comments.map(\.parent) == [nil, "comment-101", "comment-101", "comment-102", nil, nil, nil, nil])
    }

    @Test func approvalStatesMapToStatuses() throws {
        let comments = try readExport(wxrFixture).records[0].comments
        let status = Dictionary(uniqueKeysWithValues: comments.map { ($0.id, $0.status) })
        #expect(status["comment-101"] == .visible)
        #expect(status["comment-103"] == .pending)
        #expect(status["comment-104"] == .spam)
        #expect(status["comment-105"] == .deleted)
    }

    @Test func fieldsOfOneComment() throws {
        let comments = try readExport(wxrFixture).records[0].comments
        let first = try #require(comments.first)
        #expect(first.author == "Bob")
        #expect(first.authorURL == "http://bob.example/")
        #expect(first.published == "2011-07-24T13:45:00")
        #expect(first.publishedRaw == "2011-07-24 13:45:00")
        #expect(first.text == "First point.\nSecond paragraph & more\nand a link")
        #expect(!first.isPostAuthor)
        #expect(comments.first { $0.id == "comment-102" }?.authorURL == nil)
    }

    @Test func thePostAuthorIsKnownByUserIdOrName() throws {
        let comments = try readExport(wxrFixture).records[0].comments
        #expect(comments.filter(\.isPostAuthor).map(\.id) == ["comment-108", "comment-102"])
    }

    @Test func pingbacksAreNotCommentsAndKeepTheirApprovalState() throws {
        let record = try readExport(wxrFixture).records[0]
        #expect(
            record.pingbacks == [
                PingbackRecord(
                    url: "http://other.example/a-post/", title: "Other Blog » A post", published: "2011-07-25T12:00:00"),
                PingbackRecord(
                    url: "http://spam.example/", title: "Spam Blog", published: "2011-07-25T12:30:00", status: .pending),
            ])
    }

    @Test func repliesToMissingParentsStayAtTopLevelWithAWarning() throws {
        let warnings = try readExport(wxrFixture).records[0].warnings
        #expect(
            warnings.contains(
                "comment comment-109 replies to comment-999, which the export does not hold: shown at top level"))
        #expect(warnings.contains("comment comment-110 replies to comment-106, a pingback: shown at top level"))
        #expect(warnings.count == 2)
    }

    @Test func commentsOfSkippedItemsAreReportedAsProblems() throws {
        let problems = try readExport(wxrFixture).problems
        #expect(problems.count == 1)
        #expect(problems.first?.entry == 2)
        #expect(
            problems.first?.reason
                == "a post with status draft is not a published post or page: its 1 comment(s) are left out")
    }
}
