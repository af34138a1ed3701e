import ArchiveURLs
import Testing

@Suite struct WaybackURLTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let link: String
        let original: String
        let timestamp: String
        let captured: String?
        let modifier: String?
        var collection: String? = nil
        var testDescription: String { link }
    }

    @Test(arguments: [
        Case(
            link: "https://web.archive.org/web/20100728112039/http://example.com/2010/07/post.html",
            original: "http://example.com/2010/07/post.html", timestamp: "20100728112039",
            captured: "2010-07-28T11:20:39Z", modifier: nil),
        Case(
            link: "https://web.archive.org/web/20100728112039id_/http://example.com/", original: "http://example.com/",
            timestamp: "20100728112039", captured: "2010-07-28T11:20:39Z", modifier: "id_"),
        Case(
            link: "//web.archive.org/web/20150315030428im_/http://example.com/a.png",
            original: "http://example.com/a.png", timestamp: "20150315030428", captured: "2015-03-15T03:04:28Z",
            modifier: "im_"),
        Case(
            link: "/web/20150315030428cs_/https://example.com/style.css?v=2",
            original: "https://example.com/style.css?v=2",
            timestamp: "20150315030428", captured: "2015-03-15T03:04:28Z", modifier: "cs_"),
        Case(
            link: "/web/20150315030428js_/http://example.com/a.js", original: "http://example.com/a.js",
            timestamp: "20150315030428", captured: "2015-03-15T03:04:28Z", modifier: "js_"),
        Case(
            link: "http://wayback.archive.org/web/2010/example.com/x", original: "http://example.com/x",
            timestamp: "2010", captured: "2010-01-01T00:00:00Z", modifier: nil),
        Case(
            link: "web.archive.org/web/2010/example.com/x", original: "http://example.com/x", timestamp: "2010",
            captured: "2010-01-01T00:00:00Z", modifier: nil),
        Case(
            link: "http://classic-web.archive.org/web/20040409085639/http:/example.com/index.html",
            original: "http://example.com/index.html", timestamp: "20040409085639", captured: "2004-04-09T08:56:39Z",
            modifier: nil),
        Case(
            link: "https://web.archive.org/web/201107/HTTP://Example.com/?p=12#comments",
            original: "http://Example.com/?p=12#comments", timestamp: "201107", captured: "2011-07-01T00:00:00Z",
            modifier: nil),
        Case(
            link: "https://web.archive.org/web/20101/http://example.com/", original: "http://example.com/",
            timestamp: "20101", captured: "2010-10-01T00:00:00Z", modifier: nil),
        Case(
            link: "https://web.archive.org/web/2/http://example.com/", original: "http://example.com/", timestamp: "2",
            captured: "2000-01-01T00:00:00Z", modifier: nil),
        Case(
            link: "https://web.archive.org/web/20111399000000/http://example.com/", original: "http://example.com/",
            timestamp: "20111399000000", captured: nil, modifier: nil),
        Case(
            link: "https://web.archive.org/web/20120229235959/http://example.com/", original: "http://example.com/",
            timestamp: "20120229235959", captured: "2012-02-29T23:59:59Z", modifier: nil),
        Case(
            link: "https://web.archive.org/web/20110229/http://example.com/", original: "http://example.com/",
            timestamp: "20110229", captured: nil, modifier: nil),
        Case(
            link: "https://WEB.ARCHIVE.ORG:443/web/20110725100000fw_/https:example.com/a",
            original: "https://example.com/a", timestamp: "20110725100000", captured: "2011-07-25T10:00:00Z",
            modifier: "fw_"),
        Case(
            link: "https://web.archive.org/web/20110725100000jm_///example.com/a", original: "http://example.com/a",
            timestamp: "20110725100000", captured: "2011-07-25T10:00:00Z", modifier: "jm_"),
        Case(
            link: "https://web.archive.org/web/20110725100000/http%3A%2F%2Fexample.com%2Fa%3Fb%3D1",
            original: "http://example.com/a?b=1", timestamp: "20110725100000", captured: "2011-07-25T10:00:00Z",
            modifier: nil),
        Case(
            link: "https://web.archive.org/web/20110725100000/localhost:8080/a", original: "http://localhost:8080/a",
            timestamp: "20110725100000", captured: "2011-07-25T10:00:00Z", modifier: nil),
        Case(
            link: "https://web.archive.org/web/20110725100000/ftp://ftp.example.com/file.txt",
            original: "ftp://ftp.example.com/file.txt", timestamp: "20110725100000",
            captured: "2011-07-25T10:00:00Z", modifier: nil),
        Case(
            link: "/my-coll/20140325121225mp_/http://example.com/", original: "http://example.com/",
            timestamp: "20140325121225", captured: "2014-03-25T12:12:25Z", modifier: "mp_", collection: "my-coll"),
        Case(
            link: "/pywb/my-coll/20140325121225/http://example.com/", original: "http://example.com/",
            timestamp: "20140325121225", captured: "2014-03-25T12:12:25Z", modifier: nil, collection: "/pywb/my-coll/"),
        Case(
            link: "  https://web.archive.org/web/20100728112039oe_/http://example.com/\n",
            original: "http://example.com/", timestamp: "20100728112039", captured: "2010-07-28T11:20:39Z",
            modifier: "oe_"),
    ])
    func parses(_ c: Case) throws {
        let parsed = try #require(WaybackURL(c.link, collection: c.collection))
        #expect(parsed.original == c.original)
        #expect(parsed.timestamp == c.timestamp)
        #expect(parsed.captured == c.captured)
        #expect(parsed.modifier == c.modifier)
    }

    @Test(arguments: ["id_", "mp_", "js_", "cs_", "im_", "if_", "fw_", "oe_", "fr_", "jm_"])
    func everyModifier(modifier: String) {
        let parsed = WaybackURL("https://web.archive.org/web/20100728112039\(modifier)/http://example.com/")
        #expect(parsed?.modifier == modifier)
        #expect(parsed?.original == "http://example.com/")
    }

    @Test(arguments: [
        "http://example.com/web/2010/http://example.com/", "https://archive.org/web/2010/http://example.com/",
        "https://web.archive.org/web/*/http://example.com/", "https://web.archive.org/web/2010*/example.com",
        "https://web.archive.org/web/123456789012345/http://example.com/", "https://web.archive.org/web/2010/",
        "https://web.archive.org/web/2010", "https://web.archive.org/web/2010/foo", "https://web.archive.org/",
        "https://web.archive.org/web/2010/http://", "/web/x/http://example.com/", "/web/2010ID_/http://example.com/",
        "/my-coll/2014/http://example.com/", "/2011/07/post.html", "", "web",
        "https://web.archive.org.evil.com/web/2010/a.com",
    ])
    func notReplayURLs(link: String) {
        #expect(WaybackURL(link) == nil)
        #expect(WaybackURL.unwrap(link) == link)
    }

    @Test func unwrapsLinks() {
        #expect(WaybackURL.unwrap("/web/20100728112039/http://example.com/about") == "http://example.com/about")
        #expect(WaybackURL.unwrap("http://example.com/about") == "http://example.com/about")
        #expect(WaybackURL.unwrap("#comments") == "#comments")
        let nested = "https://web.archive.org/web/2012/https://web.archive.org/web/2010id_/http://example.com/"
        #expect(WaybackURL.unwrap(nested) == "http://example.com/")
        #expect(WaybackURL.unwrap("/coll/2010/http://example.com/", collection: "coll") == "http://example.com/")
        #expect(WaybackURL.unwrap("/coll/2010/http://example.com/") == "/coll/2010/http://example.com/")
    }
}
