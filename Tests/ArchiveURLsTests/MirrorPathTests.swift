import ArchiveURLs
import Testing

@Suite struct MirrorPathTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let path: String
        let layout: FolderLayout
        let url: String?
        let rule: MirrorPath.Rule
        var captured: String? = nil
        var windowsNames = false
        var testDescription: String { "\(layout.rawValue): \(path)" }
    }

    @Test(arguments: [
        // wget (ARCHIVES.md §3.1).
        Case(
            path: "example.com/2011/07/post.html", layout: .wget, url: "http://example.com/2011/07/post.html",
            rule: .wget),
        Case(path: "example.com/index.html", layout: .wget, url: "http://example.com/", rule: .wget),
        Case(path: "example.com/about/index.html", layout: .wget, url: "http://example.com/about/", rule: .wget),
        Case(path: "./example.com/index.html?p=12", layout: .wget, url: "http://example.com/?p=12", rule: .wget),
        Case(path: "example.com/index.html?p=12.html", layout: .wget, url: "http://example.com/?p=12", rule: .wget),
        Case(
            path: "example.com/article.cgi?25.html", layout: .wget, url: "http://example.com/article.cgi?25",
            rule: .wget),
        Case(
            path: "example.com/style.css?ver=4.1.css", layout: .wget, url: "http://example.com/style.css?ver=4.1",
            rule: .wget),
        Case(path: "example.com/page.php.html", layout: .wget, url: "http://example.com/page.php", rule: .wget),
        Case(path: "example.com/page.html", layout: .wget, url: "http://example.com/page.html", rule: .wget),
        Case(
            path: "example.com/search?q=a%2Fb", layout: .wget, url: "http://example.com/search?q=a/b", rule: .wget),
        Case(
            path: "example.com/caf\u{e9} menu.html", layout: .wget, url: "http://example.com/caf%C3%A9%20menu.html",
            rule: .wget),
        Case(path: "example.com/a@b.html", layout: .wget, url: "http://example.com/a@b.html", rule: .wget),
        Case(
            path: "www.xemacs.org+4300/search.pl@input=blah", layout: .wget,
            url: "http://www.xemacs.org:4300/search.pl?input=blah", rule: .wget, windowsNames: true),
        Case(path: "example.com:8080/a.html", layout: .wget, url: "http://example.com:8080/a.html", rule: .wget),
        Case(path: "https/example.com/a.html", layout: .wget, url: "https://example.com/a.html", rule: .wget),
        Case(path: "192.168.1.10/a.html", layout: .wget, url: "http://192.168.1.10/a.html", rule: .wget),
        Case(
            path: "example.com/2011/07/post.html.orig", layout: .wget, url: "http://example.com/2011/07/post.html",
            rule: .wgetBackup),
        Case(path: "example.com", layout: .wget, url: nil, rule: .noHost),
        Case(path: "notes/readme.html", layout: .wget, url: nil, rule: .noHost),
        Case(path: "", layout: .wget, url: nil, rule: .noHost),
        // HTTrack (§4).
        Case(
            path: "blog.example.com/2011/07/post.html", layout: .httrack,
            url: "http://blog.example.com/2011/07/post.html",
            rule: .httrack),
        Case(
            path: "example.com/post-slug/index.html", layout: .httrack, url: "http://example.com/post-slug/",
            rule: .httrack),
        Case(
            path: "example.com/foo4B54.html", layout: .httrack, url: "http://example.com/foo4B54.html", rule: .httrack),
        Case(path: "index.html", layout: .httrack, url: nil, rule: .toolFile),
        Case(path: "hts-cache/new.zip", layout: .httrack, url: nil, rule: .toolFile),
        Case(path: "backblue.gif", layout: .httrack, url: nil, rule: .toolFile),
        // Wayback Machine Downloader (§1.1, §1.2).
        Case(
            path: "websites/example.com/2008/05/post.html?showComment=12", layout: .waybackMachineDownloader,
            url: "http://example.com/2008/05/post.html?showComment=12", rule: .waybackMachineDownloader),
        Case(
            path: "websites/example.com/?p=12/index.html", layout: .waybackMachineDownloader,
            url: "http://example.com/?p=12", rule: .waybackMachineDownloader),
        Case(
            path: "websites/example.com/index.html", layout: .waybackMachineDownloader, url: "http://example.com/",
            rule: .waybackMachineDownloader),
        Case(
            path: "websites/example.com/search?updated-max=2008-05-01T00:00:00-07:00/index.html",
            layout: .waybackMachineDownloader, url: "http://example.com/search?updated-max=2008-05-01T00:00:00-07:00",
            rule: .waybackMachineDownloader),
        Case(
            path: "websites/example.com/search?q=a b/c/index.html", layout: .waybackMachineDownloader,
            url: "http://example.com/search?q=a+b/c", rule: .waybackMachineDownloader),
        Case(
            path: "websites/example.com/about/index.html", layout: .waybackMachineDownloader,
            url: "http://example.com/about/", rule: .waybackMachineDownloader),
        Case(
            path: "example.com/20110725100000/2011/07/post.html", layout: .waybackMachineDownloader,
            url: "http://example.com/2011/07/post.html", rule: .waybackMachineDownloader,
            captured: "2011-07-25T10:00:00Z"),
        Case(
            path: "websites/example.com/my post.html", layout: .waybackMachineDownloader,
            url: "http://example.com/my%20post.html", rule: .waybackMachineDownloader),
        Case(
            path: "websites/example.com/page__q0123456789ab.php", layout: .waybackMachineDownloader, url: nil,
            rule: .hashedQuery),
        Case(path: "websites/example.com/.cdx.json", layout: .waybackMachineDownloader, url: nil, rule: .toolFile),
        Case(path: "websites/misc/a.html", layout: .waybackMachineDownloader, url: nil, rule: .noHost),
        // waybackpack (§1.4).
        Case(
            path: "20110725100000/example.com/2011/07/post.html", layout: .waybackpack,
            url: "http://example.com/2011/07/post.html", rule: .waybackpack, captured: "2011-07-25T10:00:00Z"),
        Case(
            path: "20110725100000/example.com/index.html", layout: .waybackpack, url: "http://example.com/",
            rule: .waybackpack, captured: "2011-07-25T10:00:00Z"),
        Case(path: "2011/example.com/a.html", layout: .waybackpack, url: nil, rule: .noHost),
        Case(path: "20111399000000/example.com/a.html", layout: .waybackpack, url: nil, rule: .noHost),
        // pywaybackup (§1.3).
        Case(
            path: "waybackup_snapshots/example.com/20110725100000/2011/07/post.html", layout: .pywaybackup,
            url: "http://example.com/2011/07/post.html", rule: .pywaybackup, captured: "2011-07-25T10:00:00Z"),
        Case(
            path: "waybackup_snapshots/example.com/2011/07/post.html", layout: .pywaybackup,
            url: "http://example.com/2011/07/post.html", rule: .pywaybackup),
        Case(path: "waybackup_example.com.csv", layout: .pywaybackup, url: nil, rule: .toolFile),
        Case(path: "anything/at/all.html", layout: .unknown, url: nil, rule: .unknownLayout),
    ])
    func reads(_ c: Case) {
        let read = MirrorPath(c.path, layout: c.layout, windowsNames: c.windowsNames)
        #expect(read.layout == c.layout)
        #expect(read.url == c.url)
        #expect(read.rule == c.rule)
        #expect(read.captured == c.captured)
    }

    @Test func atSignIsLiteralUnlessWindowsNames() {
        #expect(MirrorPath("example.com/index.html@p=12", layout: .wget).url == "http://example.com/index.html@p=12")
        #expect(
            MirrorPath("example.com/index.html@p=12", layout: .wget, windowsNames: true).url
                == "http://example.com/?p=12")
    }

    @Test func arbitraryPathsNeverCrash() {
        var generator = SplitMix(seed: 11)
        let alphabet = Array("/.?@+:%2Fexample.comindex.html0123456789_q \u{e9}")
        let layouts: [FolderLayout] = [
            .wget, .httrack, .waybackMachineDownloader, .waybackpack, .pywaybackup, .unknown,
        ]
        for _ in 0..<2000 {
            let length = Int(generator.next() % 50)
            let path = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            for layout in layouts {
                let read = MirrorPath(path, layout: layout, windowsNames: generator.next() % 2 == 0)
                if let url = read.url { #expect(url.hasPrefix("http")) }
            }
        }
    }
}
