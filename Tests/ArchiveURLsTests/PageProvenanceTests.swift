import ArchiveURLs
import Foundation
import Testing

/// Pages written for these tests after the markup ARCHIVES.md §2.2, §4 and §5 describe.
enum Pages {
    static let wombat = """
        <script type="text/javascript">
          __wm.init("https://web.archive.org/web");
          __wm.wombat("http://example.blogspot.com/2010/07/post.html","20100728112039","https://web.archive.org/","web","/_static/",
        \t      "1280316039");
        </script>
        """
    static let toolbar = """
        <!-- BEGIN WAYBACK TOOLBAR INSERT -->
        <script>__wm.rw(0);</script>
        <div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
        </div><div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/20100729000000/http://example.blogspot.com/2010/07/post.html?a=1&amp;b=2</div>
        <script type="text/javascript">//<![CDATA[
        __wm.bt(700,27,25,2,"web","http://example.blogspot.com/2010/07/post.html","20100729000000",1996,"/_static/",["/_static/css/banner-styles.css?v=S1zqJCYt","/_static/css/iconochive.css?v=qtvMKcIJ"], false);
          __wm.rw(1);
        //]]></script>
        <!-- END WAYBACK TOOLBAR INSERT -->
        """
    static let bareToolbarScript = """
        <script>__wm.bt(700,27,25,2,"web","http://example.com/b.html","20090101120000",1996,"/_static/",["/_static/css/banner-styles.css"], false);</script>
        """
    static func trailer(_ archived: String) -> String {
        """
        <!--
             FILE ARCHIVED ON \(archived) AND RETRIEVED FROM THE
             INTERNET ARCHIVE ON 3:04:28 Mar 15, 2021.
             JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

             ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
             SECTION 108(a)(3)).
        -->
        <!--
        playback timings (ms):
          captures_list: 0.6
        -->
        """
    }
    static let oldWayback = """
        <SCRIPT language="Javascript">
        <!--
        // FILE ARCHIVED ON 20040409085639 AND RETRIEVED FROM THE
        // INTERNET ARCHIVE ON 20070101000000.
        var sWayBackCGI = "http://web.archive.org/web/20040409085639/";
        function xResolveUrl(url) { return url; }
        //-->
        </SCRIPT>
        """

    static func page(head: String = "", body: String = "", tail: String = "") -> String {
        "<!DOCTYPE html>\n<html><head>\(head)<title>Post</title></head><body>\(body)<p>Text</p></body></html>\n\(tail)"
    }
}

@Suite struct PageProvenanceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let page: String
        let tool: PageProvenance.Tool
        let url: String?
        let captured: String?
        let source: PageProvenance.TimeSource?
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(
            name: "full replay page",
            page: Pages.page(head: Pages.wombat, body: Pages.toolbar, tail: Pages.trailer("11:20:39 Jul 28, 2010")),
            tool: .waybackReplay, url: "http://example.blogspot.com/2010/07/post.html",
            captured: "2010-07-28T11:20:39Z",
            source: .waybackScript),
        Case(
            name: "wombat epoch when its stamp is unusable",
            page: Pages.page(head: Pages.wombat.replacing("\"20100728112039\"", with: "\"2010\"")),
            tool: .waybackReplay, url: "http://example.blogspot.com/2010/07/post.html",
            captured: "2010-07-28T11:20:39Z",
            source: .waybackScript),
        Case(
            name: "toolbar print line",
            page: Pages.page(body: Pages.toolbar, tail: Pages.trailer("11:20:39 Jul 28, 2010")), tool: .waybackReplay,
            url: "http://example.blogspot.com/2010/07/post.html?a=1&b=2", captured: "2010-07-29T00:00:00Z",
            source: .waybackToolbar),
        Case(
            name: "toolbar script only", page: Pages.page(body: Pages.bareToolbarScript), tool: .waybackReplay,
            url: "http://example.com/b.html", captured: "2009-01-01T12:00:00Z", source: .waybackToolbar),
        Case(
            name: "trailer, unpadded hour and day", page: Pages.page(tail: Pages.trailer("8:56:39 Apr 9, 2004")),
            tool: .waybackReplay, url: nil, captured: "2004-04-09T08:56:39Z", source: .waybackTrailer),
        Case(
            name: "trailer, German month", page: Pages.page(tail: Pages.trailer("3:04:28 Mär 15, 2015")),
            tool: .waybackReplay, url: nil, captured: "2015-03-15T03:04:28Z", source: .waybackTrailer),
        Case(
            name: "trailer, Polish month", page: Pages.page(tail: Pages.trailer("23:59:59 cze 30, 2016")),
            tool: .waybackReplay, url: nil, captured: "2016-06-30T23:59:59Z", source: .waybackTrailer),
        Case(
            name: "trailer, French month", page: Pages.page(tail: Pages.trailer("0:00:01 juil 1, 2017")),
            tool: .waybackReplay, url: nil, captured: "2017-07-01T00:00:01Z", source: .waybackTrailer),
        Case(
            name: "trailer at the top of a replayed script",
            page: "/*\n     FILE ARCHIVED ON 8:56:39 Apr 9, 2004 AND RETRIEVED FROM THE\n*/\nvar a = 1;",
            tool: .waybackReplay, url: nil, captured: "2004-04-09T08:56:39Z", source: .waybackTrailer),
        Case(
            name: "pre-2011 insert", page: Pages.page(body: Pages.oldWayback), tool: .waybackReplay, url: nil,
            captured: "2004-04-09T08:56:39Z", source: .waybackTrailer),
        Case(
            name: "pre-2011 sWayBackCGI alone",
            page: Pages.page(
                body: "<script>var sWayBackCGI = \"http://web.archive.org/web/20040409085639/\";</script>"),
            tool: .waybackReplay, url: nil, captured: "2004-04-09T08:56:39Z", source: .waybackCGI),
        Case(
            name: "HTTrack footer",
            page: Pages.page(
                tail:
                    "<!-- Mirrored from example.com/2011/07/post.html by HTTrack Website Copier/3.x [XR&CO'2014], Tue, 26 Jul 2011 10:00:00 GMT -->"
            ),
            tool: .httrack, url: "http://example.com/2011/07/post.html", captured: "2011-07-26T10:00:00Z",
            source: .httrackFooter),
        Case(
            name: "HTTrack footer with query, no year tag",
            page: Pages.page(
                head:
                    "<!-- Mirrored from www.example.com/index.php?p=12 by HTTrack Website Copier/3.49-2, Sat, 1 Jan 2005 08:00:00 GMT -->"
            ),
            tool: .httrack, url: "http://www.example.com/index.php?p=12", captured: "2005-01-01T08:00:00Z",
            source: .httrackFooter),
        Case(
            name: "SingleFile",
            page: """
                <!DOCTYPE html> <html lang="en"><!--
                 Page saved with SingleFile 
                 url: https://example.com/2011/07/post.html 
                 saved date: Sun Sep 13 2020 18:21:28 GMT+0200 (Central European Summer Time)
                --><meta charset="utf-8"><title>Post</title>
                """,
            tool: .singleFile, url: "https://example.com/2011/07/post.html", captured: "2020-09-13T16:21:28Z",
            source: .singleFileDate),
        Case(
            name: "SingleFile west of UTC across New Year",
            page:
                "<html><!--\n Page saved with SingleFile \n url: http://example.com/ \n saved date: Sun Dec 31 2017 20:30:00 GMT-0500 (Eastern Standard Time)\n-->",
            tool: .singleFile, url: "http://example.com/", captured: "2018-01-01T01:30:00Z", source: .singleFileDate),
        Case(
            name: "SingleFile without its date line",
            page: "<html><!--\n Page saved with SingleFile \n url: http://example.com/a \n-->", tool: .singleFile,
            url: "http://example.com/a", captured: nil, source: nil),
        Case(
            name: "SingleFile save of a replay page (scripts removed)",
            page:
                "<html><!--\n Page saved with SingleFile \n url: https://web.archive.org/web/20100728112039/http://example.com/a \n saved date: Sun Sep 13 2020 18:21:28 GMT+0000 (Coordinated Universal Time)\n--><body><div id=\"wm-ipp-base\"></div>",
            tool: .waybackReplay, url: "http://example.com/a", captured: "2010-07-28T11:20:39Z", source: .waybackURL),
        Case(
            name: "browser save",
            page: "<!DOCTYPE html>\n<!-- saved from url=(0036)http://example.com/2011/07/post.html -->\n<html></html>",
            tool: .browserSave, url: "http://example.com/2011/07/post.html", captured: nil, source: nil),
        Case(
            name: "browser save, length shorter than the text",
            page: "<!-- saved from url=(0019)http://example.com/ trailing -->", tool: .browserSave,
            url: "http://example.com/", captured: nil, source: nil),
        Case(
            name: "browser save of a local file", page: "<!-- saved from url=(0014)about:internet -->\n<html></html>",
            tool: .browserSave, url: nil, captured: nil, source: nil),
        Case(
            name: "browser save of a replay page",
            page: "<!-- saved from url=(0063)https://web.archive.org/web/20100728112039/http://example.com/ -->\n"
                + Pages.page(body: Pages.toolbar),
            tool: .waybackReplay, url: "http://example.blogspot.com/2010/07/post.html?a=1&b=2",
            captured: "2010-07-29T00:00:00Z", source: .waybackToolbar),
    ])
    func reads(_ c: Case) throws {
        let read = try #require(PageProvenance(data: Data(c.page.utf8)))
        #expect(read.tool == c.tool)
        #expect(read.url == c.url)
        #expect(read.captured == c.captured)
        #expect(read.timeSource == c.source)
        #expect(PageProvenance.isWaybackReplay(data: Data(c.page.utf8)) == (c.tool == .waybackReplay))
    }

    @Test(arguments: [
        Pages.page(), "", "<!-- Mirrored from nowhere -->", "<!-- saved from url=(", "FILE ARCHIVED ON soon",
        "<html><!-- Page saved with", String(repeating: "\u{0}", count: 100),
    ])
    func noMarkers(page: String) {
        #expect(PageProvenance(data: Data(page.utf8)) == nil)
        #expect(!PageProvenance.isWaybackReplay(data: Data(page.utf8)))
    }

    @Test func readsOnlyTheFirstAndLast64KB() throws {
        let filler = String(repeating: "<p>comment text</p>\n", count: 10_000)
        let middle = Pages.page(body: filler + Pages.toolbar + filler)
        #expect(PageProvenance(data: Data(middle.utf8)) == nil)
        let ends = Pages.page(head: Pages.wombat, body: filler + filler, tail: Pages.trailer("11:20:39 Jul 28, 2010"))
        let read = try #require(PageProvenance(data: Data(ends.utf8)))
        #expect(read.url == "http://example.blogspot.com/2010/07/post.html")
        let bytes = Array(ends.utf8)
        #expect(bytes.withUnsafeBytes { PageProvenance.isWaybackReplay(bytes: $0) })
        #expect(bytes.withUnsafeBytes { PageProvenance(bytes: $0) } == read)
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SplitMix(seed: 5)
        let pieces = [
            "__wm.wombat(", "\"", "'", "\\", "\\u12", ",", ")", "(", "[", "FILE ARCHIVED ON ", " AND RETRIEVED",
            "<!-- saved from url=(", "0012", "-->", "<!-- Mirrored from ", " by HTTrack Website Copier", "], ",
            "Page saved with SingleFile", "\n url: ", "\n saved date: ", "GMT+", "sWayBackCGI", "/web/", "2010",
            "wm-ipp-print", "The Wayback Machine - ", "__wm.bt(", "wbCurrentUrl", "http://example.com/", "\u{FF}",
        ]
        for _ in 0..<3000 {
            let count = Int(generator.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let data = Data(text.utf8)
            if let read = PageProvenance(data: data), let url = read.url {
                #expect(url.hasPrefix("http"))
            }
            _ = PageProvenance.isWaybackReplay(data: data)
        }
    }
}
