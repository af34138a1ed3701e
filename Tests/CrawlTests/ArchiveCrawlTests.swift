import Corpus
import Crawl
import Extraction
import Foundation
import Testing

/// Writes WARC 1.0 records (uncompressed) the way crawlers do: a response with its
/// HTTP message, or a revisit that repeats an earlier payload.
struct WARCWriter {
    private(set) var data = Data()
    private var serial = 0

    mutating func response(url: String, date: String, html: String, digest: String? = nil, status: Int = 200) {
        let body = Data(html.utf8)
        var http = Data("HTTP/1.1 \(status) OK\r\nContent-Type: text/html; charset=utf-8\r\n".utf8)
        http.append(Data("Content-Length: \(body.count)\r\n\r\n".utf8))
        http.append(body)
        record(
            type: "response", url: url, date: date, block: http,
            extra: ["WARC-Payload-Digest: \(digest ?? "sha1:" + String(html.hashValue, radix: 36))"])
    }

    mutating func revisit(url: String, date: String, digest: String, refersToDate: String) {
        let http = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8)
        record(
            type: "revisit", url: url, date: date, block: http,
            extra: [
                "WARC-Payload-Digest: \(digest)", "WARC-Refers-To-Target-URI: \(url)",
                "WARC-Refers-To-Date: \(refersToDate)",
                "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
            ])
    }

    mutating func request(url: String, date: String) {
        record(type: "request", url: url, date: date, block: Data("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), extra: [])
    }

    private mutating func record(type: String, url: String, date: String, block: Data, extra: [String]) {
        serial += 1
        let contentType = type == "request" ? "application/http; msgtype=request" : "application/http; msgtype=response"
        var header = [
            "WARC/1.0", "WARC-Type: \(type)",
            "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", serial))>",
            "WARC-Date: \(date)", "WARC-Target-URI: \(url)", "Content-Type: \(contentType)",
        ]
        header += extra
        header.append("Content-Length: \(block.count)")
        data.append(Data((header.joined(separator: "\r\n") + "\r\n\r\n").utf8))
        data.append(block)
        data.append(Data("\r\n\r\n".utf8))
    }
}

/// A WordPress post page with the given comments (id, author, text; nil text = removed placeholder).
func wordpressPage(url: String, comments: [(id: Int, author: String, text: String?)]) -> String {
    let items = comments.map { c -> String in
        let body =
            c.text.map { "<div class=\"comment-content\"><p>\($0)</p></div>" }
            ?? "<div class=\"comment-content\"><p>This comment has been removed by a blog administrator.</p></div>"
        return """
            <li class="comment depth-1" id="li-comment-\(c.id)"><article id="comment-\(c.id)" class="comment">
            <footer class="comment-meta"><div class="comment-author vcard"><span class="fn">\(c.author)</span></div>
            <a href="#comment-\(c.id)"><time>July 2, 2011 at 1:0\(c.id % 10) pm</time></a></footer>\(body)</article></li>
            """
    }.joined()
    return """
        <html><head><meta charset="utf-8"><meta name="generator" content="WordPress 3.2" />
        <link rel="canonical" href="\(url)" /></head><body>
        <h1 class="entry-title">A post</h1><ol class="commentlist">\(items)</ol></body></html>
        """
}

func crawlArchive(_ paths: [String], into corpus: CorpusStore, jobs: Int = 2, batchSize: Int = 3) throws -> CrawlSummary
{
    var run = CrawlRun(paths: paths, jobs: jobs, maxPageBytes: 1 << 20, profiles: try ProfileSet.bundled())
    run.batchSize = batchSize
    return try run.run(into: corpus)
}

@Suite struct ArchiveCrawlTests {
    static let post = "http://blog.example.org/2011/07/klout/"

    /// The post captured three times: comment 2 is removed by the admin between the
    /// first and second capture, comment 3 is deleted outright before the third.
    static func threeCaptures() throws -> URL {
        var warc = WARCWriter()
        let all: [(id: Int, author: String, text: String?)] = [
            (1, "Ann", "First!"), (2, "Bob", "Buy cheap pills"), (3, "Cy", "I disagree."), (4, "Di", "Me too."),
        ]
        warc.request(url: post, date: "2011-07-25T10:00:00Z")
        warc.response(url: post, date: "2011-07-25T10:00:00Z", html: wordpressPage(url: post, comments: all))
        var second = all
        second[1].text = nil
        warc.response(
            url: post + "?utm_source=feed", date: "2011-08-01T09:30:00Z",
            html: wordpressPage(url: post, comments: second))
        var third = second
        third.remove(at: 2)
        warc.response(
            url: "https://www.blog.example.org/2011/07/klout", date: "2011-09-01T12:00:00Z",
            html: wordpressPage(url: post, comments: third))
        warc.response(
            url: "http://blog.example.org/", date: "2011-09-01T12:00:01Z",
            html: "<html><body><h1>Home</h1></body></html>")
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("crawl.warc")
        try warc.data.write(to: file)
        return file
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tm-warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aPostCapturedThreeTimesShowsRemovalsAndVanishingWithTimes() throws {
        let file = try Self.threeCaptures()
        let corpus = try CorpusStore(path: file.deletingLastPathComponent().appendingPathComponent("c.sqlite").path)
        let summary = try crawlArchive([file.path], into: corpus)
        #expect(summary.recordTypes == ["request": 1, "response": 4])
        #expect(summary.pageKinds == ["index": 1, "post": 3])
        var rows: [[String?]] = []
        try corpus.forEachRow(of: "comments") { rows.append($0) }
        let view = rows.map { r in
            [r[1], r[5], r[12], r[13], r[14], r[15], r[16]].map { $0 ?? "∅" }.joined(separator: "|")
        }
        #expect(
            view == [
                "comment-1|Ann|visible|First!|2011-07-25T10:00:00Z|2011-09-01T12:00:00Z|∅",
                "comment-2|Bob|removed_by_admin|Buy cheap pills|2011-07-25T10:00:00Z|2011-09-01T12:00:00Z|2011-08-01T09:30:00Z",
                "comment-3|Cy|vanished|I disagree.|2011-07-25T10:00:00Z|2011-08-01T09:30:00Z|2011-09-01T12:00:00Z",
                "comment-4|Di|visible|Me too.|2011-07-25T10:00:00Z|2011-09-01T12:00:00Z|∅",
            ])
        var posts: [[String?]] = []
        try corpus.forEachRow(of: "posts") { posts.append($0) }
        #expect(posts.count == 1)
        #expect(posts.first?[13] == "3")  // captures
        #expect(posts.first?[15] == "2011-07-25T10:00:00Z")
        #expect(posts.first?[16] == "2011-09-01T12:00:00Z")
    }

    @Test func revisitsTakeTheThreadOfThePayloadTheyRepeat() throws {
        var first = WARCWriter()
        let html = wordpressPage(url: Self.post, comments: [(1, "Ann", "Hello"), (2, "Bob", "Hi")])
        first.response(url: Self.post, date: "2014-03-25T12:00:00Z", html: html, digest: "sha1:SAME")
        var second = WARCWriter()
        second.revisit(
            url: Self.post, date: "2014-03-25T12:11:00Z", digest: "sha1:SAME", refersToDate: "2014-03-25T12:00:00Z")
        second.revisit(
            url: "http://blog.example.org/2011/07/gone/", date: "2014-03-25T12:11:00Z", digest: "sha1:MISSING",
            refersToDate: "2014-03-25T12:00:00Z")
        let dir = try Self.temporaryFolder()
        try first.data.write(to: dir.appendingPathComponent("a.warc"))
        try second.data.write(to: dir.appendingPathComponent("b.warc"))
        // The re-crawl alone cannot resolve its revisits; with the first crawl it can, in either order.
        let alone = try CorpusStore(path: dir.appendingPathComponent("alone.sqlite").path)
        _ = try crawlArchive([dir.appendingPathComponent("b.warc").path], into: alone)
        #expect(try alone.totals().posts == 0)
        let both = try CorpusStore(path: dir.appendingPathComponent("both.sqlite").path)
        let summary = try crawlArchive([dir.path], into: both)
        #expect(summary.revisits == 2)
        var posts: [[String?]] = []
        try both.forEachRow(of: "posts") { posts.append($0) }
        #expect(posts.count == 1)
        #expect(posts.first?[11] == "2")  // comments_found
        #expect(posts.first?[13] == "2")  // captures: the response and its revisit
        #expect(posts.first?[16] == "2014-03-25T12:11:00Z")  // last captured: the revisit
        let later = try CorpusStore(path: dir.appendingPathComponent("later.sqlite").path)
        _ = try crawlArchive([dir.appendingPathComponent("b.warc").path], into: later)
        _ = try crawlArchive([dir.appendingPathComponent("a.warc").path], into: later)
        #expect(try exportText(later).replacingOccurrences(of: "later", with: "both") == exportText(both))
    }

    @Test func jobsAndBatchesDoNotChangeTheCorpus() throws {
        let file = try Self.threeCaptures()
        var exports: [String] = []
        for (jobs, batch) in [(1, 1), (2, 2), (2, 64)] {
            let corpus = try CorpusStore(
                path: file.deletingLastPathComponent().appendingPathComponent("j\(jobs)-\(batch).sqlite").path)
            _ = try crawlArchive([file.path], into: corpus, jobs: jobs, batchSize: batch)
            exports.append(try exportText(corpus))
        }
        #expect(exports[0] == exports[1])
        #expect(exports[0] == exports[2])
    }

    @Test func anUnchangedArchiveIsANoOpAndAChangedOneIsReread() throws {
        let file = try Self.threeCaptures()
        let corpus = try CorpusStore(path: file.deletingLastPathComponent().appendingPathComponent("c.sqlite").path)
        _ = try crawlArchive([file.path], into: corpus)
        let before = try exportText(corpus)
        let again = try crawlArchive([file.path], into: corpus)
        #expect(again.unchangedInputs == 1)
        #expect(again.pages == 0)
        #expect(again.render().contains("nothing to do: every input is unchanged since it was crawled"))
        #expect(try exportText(corpus) == before)
        var more = WARCWriter()
        more.response(
            url: "http://blog.example.org/2011/07/other/", date: "2011-09-02T00:00:00Z",
            html: wordpressPage(url: "http://blog.example.org/2011/07/other/", comments: [(9, "Eve", "New")]))
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: more.data)
        try handle.close()
        let changed = try crawlArchive([file.path], into: corpus)
        #expect(changed.unchangedInputs == 0)
        #expect(try corpus.totals().posts == 2)
        #expect(try corpus.totals().comments == 5)
    }

    @Test func anInterruptedArchiveCrawlResumesToTheSameCorpus() throws {
        let file = try Self.threeCaptures()
        let dir = file.deletingLastPathComponent()
        let reference = try CorpusStore(path: dir.appendingPathComponent("ref.sqlite").path)
        _ = try crawlArchive([file.path], into: reference)
        let resumed = try CorpusStore(path: dir.appendingPathComponent("resumed.sqlite").path)
        var run = CrawlRun(paths: [file.path], jobs: 2, maxPageBytes: 1 << 20, profiles: try ProfileSet.bundled())
        run.batchSize = 1
        var batches = 0
        let first = try run.run(into: resumed, progress: { _ in batches += 1 }, shouldStop: { batches >= 2 })
        #expect(first.interrupted)
        let second = try run.run(into: resumed)
        #expect(!second.interrupted)
        #expect(second.pages < 4)
        #expect(try exportText(resumed).replacingOccurrences(of: "resumed", with: "ref") == exportText(reference))
    }

    @Test func linksInsideTheArchiveAreFollowedAndMissingPagesReported() throws {
        var warc = WARCWriter()
        let home = """
            <html><body><a href="/2011/07/klout/">in the archive</a> <a href="2011/08/absent/">not archived</a>
            <a href="http://elsewhere.example/2011/07/x/">another blog</a> <a href="#top">top</a></body></html>
            """
        warc.response(url: "http://blog.example.org/", date: "2011-09-01T00:00:00Z", html: home)
        let page = wordpressPage(url: Self.post, comments: [(1, "Ann", "Hi")])
            .replacingOccurrences(
                of: "</body>", with: "<a href=\"\(Self.post)comment-page-2/#comments\">Older comments</a></body>")
        warc.response(url: Self.post, date: "2011-09-01T00:00:01Z", html: page)
        let dir = try Self.temporaryFolder()
        try warc.data.write(to: dir.appendingPathComponent("links.warc"))
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        _ = try crawlArchive([dir.appendingPathComponent("links.warc").path], into: corpus)
        var missing: [String] = []
        try corpus.forEachRow(of: "missing_pages") { missing.append($0.map { $0 ?? "∅" }.joined(separator: "|")) }
        #expect(
            missing == [
                "http://blog.example.org/2011/07/klout|2|comment-page|1",
                "http://blog.example.org/2011/08/absent|1|post|1",
            ])
        let totals = try corpus.totals()
        #expect(totals.missingPosts == 1)
        #expect(totals.missingCommentPages == 1)
    }

    @Test func aWaybackReplayPageInAFolderGetsItsOriginalURLTimeAndLinks() throws {
        let dir = try Self.temporaryFolder()
        let folder = dir.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = wordpressPage(
            url: "https://web.archive.org/web/20110725100000/\(Self.post)", comments: [(1, "Ann", "Hi")]
        )
        .replacingOccurrences(
            of: "<head>",
            with: """
                <head><script>__wm.init("https://web.archive.org/web");
                __wm.wombat("\(Self.post)","20110725100000","https://web.archive.org/","web","/_static/","1311588000");</script>
                """
        )
        .replacingOccurrences(
            of: "</body>", with: "<a href=\"/web/20110725100000/http://blog.example.org/2011/07/next/\">next</a></body>"
        )
        try Data(page.utf8).write(to: folder.appendingPathComponent("klout.html"))
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        _ = try crawlArchive([folder.path], into: corpus)
        var captures: [[String?]] = []
        try corpus.forEachRow(of: "captures") { captures.append($0) }
        #expect(captures.first?[5] == Self.post)
        #expect(captures.first?[6] == "2011-07-25T10:00:00Z")
        var posts: [[String?]] = []
        try corpus.forEachRow(of: "posts") { posts.append($0) }
        #expect(posts.first?[1] == Self.post)
        var missing: [String] = []
        try corpus.forEachRow(of: "missing_pages") { missing.append($0[0] ?? "∅") }
        #expect(missing == ["http://blog.example.org/2011/07/next"])
    }

    @Test func aMirrorFolderGivesEachPageItsURL() throws {
        let root = try makeArchive(pages: 2, withBadInputs: false)
        let corpus = try CorpusStore(path: root.appendingPathComponent("c.sqlite").path)
        _ = try crawlArchive([root.path], into: corpus)
        var urls: [String] = []
        try corpus.forEachRow(of: "captures") { urls.append($0[5] ?? "∅") }
        #expect(
            urls == ["http://blog.example.org/2011/07/post-0.html", "http://blog.example.org/2011/07/post-1.html"])
    }

    /// `gzip -c` of `data` (one member for the whole input), with the system's gzip.
    static func gzipWhole(_ data: Data) throws -> Data {
        let dir = try temporaryFolder()
        let input = dir.appendingPathComponent("in")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n \"$0\"", input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return out
    }

    @Test func resumingAFileOfWholeFileGzipMembersLosesNothing() throws {
        // Two whole-file gzips concatenated: offsets mix compressed and decompressed counts.
        var parts: [Data] = []
        for half in 0..<2 {
            var warc = WARCWriter()
            for i in 0..<4 {
                let url = "http://blog.example.org/2011/07/post-\(half)-\(i)/"
                warc.response(
                    url: url, date: "2011-07-0\(i + 1)T00:00:00Z",
                    html: wordpressPage(url: url, comments: [(i + 1, "Ann", "Hi \(half) \(i)")]))
            }
            parts.append(try Self.gzipWhole(warc.data))
        }
        let dir = try Self.temporaryFolder()
        let file = dir.appendingPathComponent("joined.warc.gz")
        try (parts[0] + parts[1]).write(to: file)
        let reference = try CorpusStore(path: dir.appendingPathComponent("ref.sqlite").path)
        _ = try crawlArchive([file.path], into: reference)
        #expect(try reference.totals().posts == 8)
        for stopAfter in 1...4 {
            let resumed = try CorpusStore(path: dir.appendingPathComponent("r\(stopAfter).sqlite").path)
            var run = CrawlRun(paths: [file.path], jobs: 2, maxPageBytes: 1 << 20, profiles: try ProfileSet.bundled())
            run.batchSize = 1
            var batches = 0
            _ = try run.run(into: resumed, progress: { _ in batches += 1 }, shouldStop: { batches >= stopAfter })
            _ = try run.run(into: resumed)
            #expect(
                try exportText(resumed).replacingOccurrences(of: "r\(stopAfter).sqlite", with: "ref.sqlite")
                    == exportText(reference), "stopped after \(stopAfter) batches")
        }
    }
}
