import Extraction
import Foundation
import Testing
import ThreadModel

@Suite struct WordPressThemeTests {
    @Test func kubrickListItemsWithoutCommentClass() throws {
        let page = try extractFixture("wordpress-kubrick")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.comments.map(\.id) == ["comment-412", "comment-413", "comment-415"])
        #expect(r.comments.map(\.author) == ["Marnie Oakes", "Bram Kettle", "Anonymous"])
        #expect(r.comments.map(\.authorURL) == ["http://fennelgarden.example.org", nil, nil])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "November 18th, 2007 at 10:41 am", "November 19th, 2007 at 7:02 pm", "November 20th, 2007 at 8:30 am",
            ])
        #expect(r.comments.map(\.parent) == [nil, nil, nil])
        #expect(r.comments.map(\.status) == [.visible, .pending, .visible])
        #expect(r.comments.map(\.isAnonymous) == [false, false, true])
        #expect(r.comments[0].text.hasSuffix("Oak is heavy but it will not sag. Did you seal it?"))
        // Neither the reply form nor the recent-comments widget is a comment.
        #expect(!r.comments.contains { $0.text.contains("Quince") || $0.text.contains("Submit Comment") })
    }

    @Test func divCommentsWithDepthClasses() throws {
        let page = try extractFixture("wordpress-div-comments")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.comments.map(\.id) == ["comment-501", "comment-502", "comment-504"])
        #expect(r.comments.map(\.parent) == [nil, "comment-501", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 1])
        #expect(r.comments.map(\.author) == ["Piet Laroux", "Ines Calloway", "Wren Albee"])
        #expect(r.comments.map(\.authorURL) == ["http://deckhand.example.org/", nil, nil])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .pending])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "May 4, 2012 at 6:15 pm", "May 4, 2012 at 7:02 pm", "May 5, 2012 at 8:20 am",
            ])
        #expect(
            r.comments.map(\.text) == [
                "Does the late boat still take bicycles?", "Yes, six places on the car deck.",
                "Is there a discount for residents?",
            ])
        // The pingback's div is not a comment.
        #expect(!r.comments.contains { $0.text.contains("23:40") })
    }

    @Test func blockThemeCommentTemplate() throws {
        let page = try extractFixture("wordpress-block-theme")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.comments.map(\.id) == ["comment-71", "comment-72"])
        #expect(r.comments.map(\.parent) == [nil, "comment-71"])
        #expect(r.comments.map(\.author) == ["Lorcan Beale", "Fern Hollis"])
        #expect(r.comments.map(\.authorURL) == ["https://terracotta.example.net/", nil])
        #expect(r.comments.map(\.publishedRaw) == ["March 2, 2024 at 11:20 am", "March 2, 2024 at 12:05 pm"])
        #expect(r.comments.map(\.isPostAuthor) == [false, true])
        #expect(r.comments.map(\.text) == ["Did you prune the roots as well?", "Only the circling ones."])
    }

    @Test func thesisDefinitionListReadsDepthClasses() throws {
        let page = try extractFixture("wordpress-thesis")
        let r = page.record
        #expect(page.profile == "wordpress-dl")
        #expect(r.platform == "wordpress")
        #expect(r.comments.map(\.id) == ["comment-9001", "comment-9002", "comment-9005"])
        #expect(r.comments.map(\.parent) == [nil, "comment-9001", nil])
        #expect(r.comments.map(\.depth) == [1, 2, 1])
        #expect(r.comments.map(\.author) == ["Opal Strand", "Tobias Wend", "Anonymous"])
        #expect(r.comments.map(\.authorURL) == ["http://sparrowsavings.example.net", nil, nil])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "August 6, 2012 at 8:49 pm", "August 7, 2012 at 8:19 am", "August 9, 2012 at 1:02 pm",
            ])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.isAnonymous) == [false, false, true])
        // A parent's text stops before its replies and its Reply link.
        #expect(
            r.comments.map(\.text) == [
                "The one-month log changed how I shop.", "Glad it helped, Opal.",
                "Cash envelopes still work best for me.",
            ])
    }

    @Test func disqusStaticCopy() throws {
        let page = try extractFixture("wordpress-disqus")
        let r = page.record
        #expect(page.profile == "wordpress-disqus")
        #expect(r.comments.map(\.id) == ["comment-77", "comment-78", "comment-80"])
        #expect(r.comments.map(\.parent) == [nil, "comment-77", nil])
        #expect(r.comments.map(\.author) == ["Hollis Fenn", "Quill Ashdown", "Juno Pike"])
        #expect(r.comments.map(\.authorURL) == ["http://sunbaked.example.org", nil, nil])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(
            r.comments.map(\.text) == [
                "What was the air temperature?", "About 24 degrees.", "Try a black pot next time.",
            ])
    }

    @Test func wpDiscuzNestedReplies() throws {
        let page = try extractFixture("wordpress-wpdiscuz")
        let r = page.record
        #expect(page.profile == "wordpress-wpdiscuz")
        #expect(r.comments.map(\.id) == ["comment-310", "comment-311", "comment-315"])
        #expect(r.comments.map(\.parent) == [nil, "comment-310", nil])
        #expect(r.comments.map(\.author) == ["Edda Morrow", "Sorrel Baines", "Anonymous"])
        #expect(r.comments.map(\.authorURL) == ["https://ryeandmore.example.net", nil, nil])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "March 3, 2019 9:14 am", "March 3, 2019 10:02 am", "March 4, 2019 7:45 pm",
            ])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.isAnonymous) == [false, false, true])
        #expect(
            r.comments.map(\.text) == [
                "Mine smelled of nail varnish. Is it dead?", "Not dead, just hungry.", "Rye flour revived mine.",
            ])
    }
}

@Suite struct SixApartTests {
    @Test func typePadPostedByFooter() throws {
        let page = try extractFixture("typepad")
        let r = page.record
        #expect(page.profile == "typepad")
        #expect(r.platform == "typepad")
        #expect(r.post.author == "Mira Quell")
        // The hidden preview box holds an empty comment template: not a comment.
        #expect(
            r.comments.map(\.id) == ["comment-6a00e5500c1b01a", "comment-6a00e5500c1b01b", "comment-6a00e5500c1b01c"])
        #expect(r.comments.map(\.author) == ["Corwin Dale", "Mira Quell", "Hal Brightwater"])
        #expect(
            r.comments.map(\.authorURL) == [
                "http://profile.typepad.com/corwind", "http://profile.typepad.com/miraquell", nil,
            ])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "October 12, 2011 at 09:05 AM", "October 12, 2011 at 11:47 AM", "October 13, 2011 at 02:10 PM",
            ])
        #expect(r.comments.map(\.published) == ["2011-10-12T09:05", "2011-10-12T11:47", "2011-10-13T14:10"])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.parent) == [nil, nil, nil])
        #expect(r.comments[2].text == "Printed this for our team.")
    }

    /// Classic TypePad: no element per comment, only an anchor, paragraphs and a byline.
    @Test func typePadClassicSiblingRuns() throws {
        let page = try extractFixture("typepad-classic")
        let r = page.record
        #expect(page.profile == "typepad-classic")
        #expect(r.platform == "typepad")
        #expect(r.comments.map(\.id) == ["c7310001", "c7310002", "c7310003"])
        #expect(r.comments.map(\.author) == ["Tobias Gull", "Ines Harrow", "Mara Kelp"])
        #expect(r.comments.map(\.authorURL) == ["http://gull.example.net/", nil, "http://kelp.example.com/"])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "Mar 3, 2006 10:02:11 AM", "Mar 3, 2006 10:40:59 AM", "Mar 4, 2006 8:00:00 AM",
            ])
        #expect(r.comments.map(\.published) == ["2006-03-03T10:02:11", "2006-03-03T10:40:59", "2006-03-04T08:00:00"])
        #expect(r.comments.map(\.parent) == [nil, nil, nil])
        #expect(r.post.author == "Ines Harrow")
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(
            r.comments.map(\.text) == [
                "1. Which constants did you use?\n2. Did the spring tide come out right?",
                "The 1952 set, from the harbour office.",
                "Lovely work.\nPlain text after the paragraph counts too.",
            ])
        // The trackback's "Tracked on" byline has no comment anchor before it.
        #expect(!r.comments.contains { $0.text.contains("slide rule") })
    }

    /// Definition lists under `#comments`: a byline `<dt>`, the text in the next `<dd>`.
    @Test func definitionListPairsWithNumberedBylines() throws {
        let page = try extractFixture("dl-pairs-numbered")
        let r = page.record
        #expect(page.profile == "dl-pairs")
        // Neither the classed "Skip to" list nor the trackback list is read.
        #expect(r.comments.map(\.id) == ["501", "502"])
        #expect(r.comments.map(\.author) == ["Ada Levers - Swindon UK", "Bert Token"])
        #expect(r.comments.map(\.published) == ["2012-10-26", "2012-10-27"])
        #expect(
            r.comments.map(\.text) == [
                "Which frame did they use, the 1910 one?", "Yes, the 1910 frame.\nIt was stored in a barn.",
            ])
    }

    @Test func definitionListPairsWithSaysBylines() throws {
        let page = try extractFixture("dl-pairs-says")
        let r = page.record
        #expect(page.profile == "dl-pairs")
        #expect(r.comments.map(\.author) == ["Mike", "Dana"])
        #expect(r.comments.map(\.authorURL) == [nil, "http://dana.example.com/"])
        #expect(r.comments.map(\.published) == ["2008-09-15T18:55", "2008-09-16T09:02"])
        #expect(r.comments.map(\.text) == ["That inspired me to work on it.", "Try it at half speed."])
    }

    @Test func movableType4HeaderAndFooter() throws {
        let page = try extractFixture("movabletype-4")
        let r = page.record
        #expect(page.profile == "movabletype")
        #expect(r.platform == "movabletype")
        #expect(r.comments.map(\.id) == ["comment-8801", "comment-8802"])
        #expect(r.comments.map(\.author) == ["Kit Marlowe-Bay", "Sable Ortiz"])
        #expect(r.comments.map(\.authorURL) == ["http://chiptune.example.org/", nil])
        #expect(r.comments.map(\.publishedRaw) == ["February 14, 2010 11:32 AM", "February 15, 2010 1:52 PM"])
        #expect(r.comments.map(\.text) == ["Blow on the pins. Works every time.", "The labels fade in sunlight too."])
    }

    @Test func movableTypeClassicCommentsBody() throws {
        let page = try extractFixture("movabletype-classic")
        let r = page.record
        #expect(page.profile == "movabletype")
        // The comment form sits in a comments-body too, without a comments-post line.
        #expect(r.comments.map(\.id) == ["comment-1201", "comment-1202"])
        #expect(r.comments.map(\.author) == ["Ansel Brook", "Gilly Warrender"])
        #expect(r.comments.map(\.authorURL) == ["http://plotsixteen.example.net", nil])
        #expect(r.comments.map(\.publishedRaw) == ["January 9, 2005 09:12 AM", "January 10, 2005 06:55 PM"])
        #expect(
            r.comments.map(\.text) == [
                "Mine went soft at the base after a frost like that.", "Earth them up higher next year.",
            ])
    }
}

@Suite struct LiveJournalTests {
    @Test func marginIndentationDeletedAndScreened() throws {
        let page = try extractFixture("livejournal")
        let r = page.record
        #expect(page.profile == "livejournal")
        #expect(r.platform == "livejournal")
        #expect(r.comments.map(\.id) == ["t5001", "t5002", "t5003", "t5004", "t5005"])
        #expect(r.comments.map(\.parent) == [nil, "t5001", "t5002", nil, "t5004"])
        #expect(r.comments.map(\.depth) == [1, 2, 3, 1, 2])
        #expect(r.comments.map(\.author) == ["brassbell", "quietgull", nil, "(Anonymous)", nil])
        #expect(
            r.comments.map(\.authorURL) == [
                "http://brassbell.livejournal.com/", "http://quietgull.livejournal.com/", nil, nil, nil,
            ])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "2010-03-03 04:05 pm (UTC)", "2010-03-03 05:10 pm (UTC)", nil, "2010-03-04 09:30 am (UTC)", nil,
            ])
        #expect(r.comments.map(\.status) == [.visible, .visible, .deleted, .visible, .pending])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false, false, false])
        #expect(r.comments.map(\.isAnonymous) == [false, false, false, true, false])
        #expect(r.comments[0].text == "Did the bell still work?")
    }

    @Test func spacerImageIndentation() throws {
        let page = try extractFixture("livejournal-table")
        let r = page.record
        #expect(page.profile == "livejournal")
        #expect(r.comments.map(\.id) == ["t701", "t702", "t703"])
        #expect(r.comments.map(\.parent) == [nil, "t701", nil])
        #expect(r.comments.map(\.author) == ["hollyhaw", "tinforest", nil])
        #expect(r.comments.map(\.publishedRaw) == ["2008-07-12 11:02 pm UTC", "2008-07-12 11:40 pm UTC", nil])
        #expect(r.comments.map(\.status) == [.visible, .visible, .deleted])
        #expect(r.comments.map(\.text) == ["Any hawk-moths?", "Two elephant hawk-moths.", "(Deleted post)"])
    }
}

@Suite struct MicrodataTests {
    @Test func schemaOrgCommentItems() throws {
        let page = try extractFixture("schema-microdata")
        let r = page.record
        #expect(page.profile == "schema-org-microdata")
        #expect(r.comments.map(\.id) == ["comment-31", "comment-32", "comment-35"])
        #expect(r.comments.map(\.parent) == [nil, "comment-31", nil])
        #expect(r.comments.map(\.author) == ["Tamsin Reed", "Bo Lindqvist", "Anonymous"])
        #expect(r.comments.map(\.authorURL) == ["https://curlyoak.example.net/", nil, nil])
        #expect(r.comments.map(\.publishedRaw) == ["2016-04-02T18:22:00Z", "2016-04-03T07:05:00Z", "2016-04-05"])
        #expect(r.comments.map(\.isAnonymous) == [false, false, true])
        #expect(
            r.comments.map(\.text) == [
                "Which grit do you finish on?", "Eight thousand, then a strop.", "The frog setting matters too.",
            ])
    }

    @Test func platformProfilesOutrankMicrodata() throws {
        let profiles = try ProfileSet.bundled().profiles
        let microdata = try #require(profiles.first { $0.name == "schema-org-microdata" })
        #expect(profiles.filter { $0.platform != "other" }.allSatisfy { $0.priority > microdata.priority })
    }
}
