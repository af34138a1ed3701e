import Extraction
import Foundation
import Testing
import ThreadModel

@Suite struct WordPressAuthorAndDivTests {
    @Test func authorBlockHoldingDateAndReplyLinks() throws {
        let page = try extractFixture("wordpress-author-block")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.comments.map(\.id) == ["comment-801", "comment-802", "comment-803"])
        // The name only: not "NAME 04.12.2014 Log in to Reply" or "NAME | Posted at …".
        #expect(r.comments.map(\.author) == ["Tamsin Orrery", "Gale Pennock", "Osric Vale"])
        #expect(r.comments.map(\.authorURL) == [nil, "/author/gale/", nil])
        #expect(r.comments.map(\.publishedRaw) == ["04.12.2014", "Posted at 9:14am", "December 5, 2014 at 6:40 pm"])
        #expect(r.comments.map(\.parent) == [nil, "comment-801", nil])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(
            r.comments.map(\.text) == [
                "Do you filter the first flush?", "A simple diverter does it.", "Mosquito mesh on the inlet, please.",
            ])
    }

    @Test func textInsideTheAuthorBlock() throws {
        let page = try extractFixture("wordpress-wpcom-classic")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.comments.map(\.id) == ["comment-9101", "comment-9102"])
        #expect(r.comments.map(\.author) == ["Hanne Birkholz", "Ottilie Marx"])
        #expect(r.comments.map(\.authorURL) == ["https://lesezeichen.example.net/", nil])
        #expect(r.comments.map(\.publishedRaw) == ["2020-01-01 @ 10:12", "2020-01-01 @ 11:30"])
        #expect(r.comments.map(\.parent) == [nil, nil])
        #expect(r.comments.map(\.status) == [.visible, .visible])
        #expect(r.comments.map(\.isPostAuthor) == [false, true])
        #expect(
            r.comments.map(\.text) == [
                "Ein gutes neues Jahr und viele Bücher!\nDer Stapel neben dem Bett wächst schon wieder.",
                "Danke, dir ebenso!",
            ])
        #expect(!r.comments.contains { $0.text.contains("Kommentar von") || $0.text.contains("Antworten") })
    }

    @Test func customDivThemes() throws {
        let page = try extractFixture("wordpress-custom-divs")
        let r = page.record
        #expect(page.profile == "wordpress")
        #expect(r.comments.map(\.author) == ["Quill Ashdown", "Gullwing Studio", "Perrin Lowe"])
        #expect(r.comments.map(\.authorURL) == [nil, "http://gullwing.example.com", nil])
        #expect(
            r.comments.map(\.publishedRaw) == ["March 3rd, 2015 8:05 am", "03/04/15 at 2:17 pm", "03/05/15 at 9:40 am"])
        #expect(r.comments.map(\.parent) == [nil, nil, nil])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible])
        #expect(
            r.comments.map(\.text) == [
                "Will the early boat still run on Sundays?", "Lovely photographs of the pier.",
                "The kiosk sells tickets again.",
            ])
        // The unmarked pingback ("[…] excerpt […]") and the reply form are not comments.
        #expect(!r.comments.contains { $0.text.contains("harbour timetable") || $0.text.contains("Leave a Comment") })
    }
}

@Suite struct BloggerLayoutTests {
    @Test func commentItemsWithoutThreadWrapper() throws {
        let page = try extractFixture("blogger-layout-v2")
        let r = page.record
        #expect(page.profile == "blogger-threaded")
        #expect(r.platform == "blogger")
        #expect(r.comments.map(\.id) == ["c7000000000000000001", "c7000000000000000002", "c7000000000000000003"])
        #expect(r.comments.map(\.author) == ["Purl Harbour", "Skein Lady", "Anonymous"])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "February 12, 2019 at 7:33 PM", "February 12, 2019 at 8:33 PM", "February 13, 2019 at 8:33 PM",
            ])
        #expect(r.comments.map(\.parent) == [nil, "c7000000000000000001", nil])
        #expect(r.comments.map(\.status) == [.visible, .visible, .removedByAdmin])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.isAnonymous) == [false, false, true])
    }
}

@Suite struct OtherPlatformTests {
    @Test func spipForum() throws {
        let page = try extractFixture("spip-forum")
        let r = page.record
        #expect(page.profile == "spip")
        #expect(r.platform == "spip")
        #expect(r.comments.map(\.id) == ["forum501", "forum503", "forum502"])
        #expect(r.comments.map(\.author) == ["Maëlle Cordier", "Basile Roux", "Odile"])
        #expect(
            r.comments.map(\.publishedRaw) == ["2021-05-02T09:15:00Z", "2021-05-03T17:40:00Z", "2021-05-02T12:00:00Z"])
        #expect(r.comments.map(\.parent) == [nil, "forum501", nil])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible])
        #expect(
            r.comments.map(\.text) == [
                "Le miel est-il vendu sur place ?", "Oui, le samedi matin.", "Bravo pour le projet.",
            ])
    }

    @Test func contaoCommentsWithEditorReply() throws {
        let page = try extractFixture("contao-comments")
        let r = page.record
        #expect(page.profile == "contao")
        #expect(r.comments.count == 3)
        #expect(r.comments.map(\.author) == ["Janne Ohlsen", "Redaktion", "Fiete Brandt"])
        #expect(r.comments.map(\.authorURL) == ["https://mondkalender.example.de", nil, nil])
        #expect(r.comments.map(\.publishedRaw) == ["2016-03-04T19:20:00+01:00", nil, "2016-03-05T08:05:00+01:00"])
        #expect(r.comments.map(\.parent) == [nil, "c41", nil])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible])
        #expect(
            r.comments.map(\.text) == [
                "Braucht man für die Führung eine Anmeldung?", "Nein, einfach vorbeikommen.",
                "Schön, dass es weitergeht!",
            ])
    }

    @Test func oldRedditNestedThings() throws {
        let page = try extractFixture("reddit-old")
        let r = page.record
        #expect(page.profile == "reddit")
        #expect(r.comments.map(\.id) == ["t1_c001", "t1_c002", "t1_c003"])
        #expect(r.comments.map(\.author) == ["brambleberry", "seedling_sam", "[deleted]"])
        #expect(
            r.comments.map(\.publishedRaw) == [
                "2014-02-01T11:30:00+00:00", "2014-02-01T12:05:00+00:00", "2014-02-01T13:00:00+00:00",
            ])
        #expect(r.comments.map(\.parent) == [nil, "t1_c001", nil])
        #expect(r.comments.map(\.isPostAuthor) == [false, true, false])
        #expect(r.comments.map(\.status) == [.visible, .visible, .deleted])
        // "load more comments" is not a comment.
        #expect(!r.comments.contains { $0.text.contains("load more") })
    }

    @Test func newRedditLevels() throws {
        let page = try extractFixture("reddit-new")
        let r = page.record
        #expect(page.profile == "reddit")
        #expect(r.comments.map(\.id) == ["t1_k01", "t1_k02", "t1_k03"])
        #expect(r.comments.map(\.author) == ["frostfern", "wormbin", "loamlord"])
        #expect(r.comments.map(\.publishedRaw) == ["3 yr. ago", "3 yr. ago", "3 yr. ago"])
        #expect(r.comments.map(\.parent) == [nil, "t1_k01", nil])
        #expect(r.comments.map(\.status) == [.visible, .visible, .visible])
        #expect(!r.comments.contains { $0.text.contains("Continue this thread") })
    }

    @Test func disqusCopyInsideThreadContainer() throws {
        let page = try extractFixture("disqus-noscript")
        let r = page.record
        #expect(page.profile == "disqus-static")
        #expect(r.comments.map(\.author) == ["Rye Baker", "Guest"])
        #expect(r.comments.map(\.publishedRaw) == [nil, nil])
        #expect(r.comments.map(\.parent) == [nil, nil])
        #expect(r.comments.map(\.status) == [.visible, .visible])
        #expect(
            r.comments.map(\.text) == [
                "My starter sulks below twenty degrees.", "Mistake eleven: peeking at the oven.",
            ])
    }

    /// Livefyre's comments as its script left them in a saved page.
    @Test func livefyreCopyOfTheStream() throws {
        let page = try extractFixture("livefyre-static")
        let r = page.record
        #expect(page.profile == "livefyre-static")
        #expect(r.platform == "livefyre")
        #expect(r.commentsHosted == nil)
        #expect(r.comments.map(\.id) == ["lf-501", "lf-502"])
        #expect(r.comments.map(\.author) == ["Wattson", "ohmlaw"])
        #expect(
            r.comments.map(\.authorURL) == ["http://voices.example.org/wattson", "http://voices.example.org/ohmlaw"])
        #expect(r.comments.map(\.parent) == [nil, nil])
        #expect(
            r.comments.map(\.text) == [
                "Who pays for the old debt?\nWe do, every month.", "Read the ruling before you decide.",
            ])
    }

    @Test func xenforoCommentWidget() throws {
        let page = try extractFixture("xenforo-comments")
        let r = page.record
        #expect(page.profile == "xenforo-comments")
        #expect(r.comments.map(\.id) == ["post-88001", "post-88002"])
        #expect(r.comments.map(\.author) == ["hushpuppy", "decibelle"])
        #expect(r.comments.map(\.publishedRaw) == ["2 March 2021 10:04", "2 March 2021 11:30"])
        #expect(r.comments.map(\.parent) == [nil, nil])
        #expect(r.comments.map(\.status) == [.visible, .visible])
        // The quote of the earlier post and the reply link are left out.
        #expect(
            r.comments.map(\.text) == ["Fan number three rattles at low speed.", "Mine too, a rubber washer fixed it."])
    }

    @Test func germanClassNames() throws {
        let page = try extractFixture("kommentar-classes")
        let r = page.record
        #expect(page.profile == "kommentar-classes")
        #expect(r.comments.map(\.author) == ["Radler77", "Anwohnerin"])
        #expect(r.comments.map(\.publishedRaw) == ["14.05.2022, 18.02 Uhr", "15.05.2022, 07.45 Uhr"])
        #expect(r.comments.map(\.parent) == [nil, nil])
        #expect(r.comments.map(\.status) == [.visible, .visible])
        #expect(
            r.comments.map(\.text) == [
                "Endlich!\nJetzt fehlt nur noch eine Beleuchtung.", "Parkplätze\nWo sollen die Autos jetzt parken?",
            ])
        // The sidebar widget's item is not a comment of this page.
        #expect(!r.comments.contains { $0.text.contains("anderen Artikel") })
    }
}
