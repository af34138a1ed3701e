import Corpus
import Crawl
import Extraction
import Foundation
import Reporting
import Testing

/// A folder of small pages we write, plus every kind of bad input.
func makeArchive(pages: Int = 12, withBadInputs: Bool = true) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tm-crawl-\(UUID().uuidString)")
    let blog = root.appendingPathComponent("blog.example.org/2011/07")
    try FileManager.default.createDirectory(at: blog, withIntermediateDirectories: true)
    for i in 0..<pages {
        let comments = (0..<(i % 4)).map { c in
            """
            <li class="comment depth-1" id="li-comment-\(i * 10 + c)"><article class="comment">
            <footer class="comment-meta"><div class="comment-author vcard"><span class="fn">Reader \(c)</span></div>
            <a href="#comment-\(i * 10 + c)"><time>July \(c + 1), 2011 at 1:0\(c) pm</time></a></footer>
            <div class="comment-content"><p>Comment \(c) on post \(i).</p></div></article></li>
            """
        }.joined()
        let html = """
            <html><head><meta charset="utf-8"><meta name="generator" content="WordPress 3.2" />
            <link rel="canonical" href="http://blog.example.org/2011/07/post-\(i)/" /></head><body>
            <h1 class="entry-title">Post \(i)</h1><ol class="commentlist">\(comments)</ol></body></html>
            """
        try Data(html.utf8).write(to: blog.appendingPathComponent("post-\(i).html"))
    }
    guard withBadInputs else { return root }
    let bad = root.appendingPathComponent("bad")
    try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
    var binary = [UInt8](repeating: 0, count: 256)
    for i in binary.indices { binary[i] = UInt8(truncatingIfNeeded: i &* 37) }
    try Data(binary).write(to: bad.appendingPathComponent("binary.html"))
    try Data().write(to: bad.appendingPathComponent("empty.html"))
    try Data(repeating: UInt8(ascii: "x"), count: 3 << 20).write(to: bad.appendingPathComponent("huge.html"))
    try FileManager.default.createSymbolicLink(
        atPath: bad.appendingPathComponent("unreadable.html").path, withDestinationPath: "/nonexistent/page.html")
    let deep =
        "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep"
        + String(repeating: "</div>", count: 100_000)
    try Data(deep.utf8).write(to: bad.appendingPathComponent("deep.html"))
    var invalid = Array("<html><head><meta charset='utf-8'></head><body><p>bad \u{FF}".utf8)
    invalid += [0xFF, 0xFE]
    invalid += Array(" bytes</p></body></html>".utf8)
    try Data(invalid).write(to: bad.appendingPathComponent("invalid-utf8.html"))
    return root
}

func crawl(_ root: URL, into corpus: CorpusStore, jobs: Int = 2, batchSize: Int = 4, stopAfterBatches: Int? = nil)
    throws
    -> CrawlSummary
{
    var run = CrawlRun(paths: [root.path], jobs: jobs, maxPageBytes: 2 << 20, profiles: try ProfileSet.bundled())
    run.batchSize = batchSize
    var batches = 0
    return try run.run(
        into: corpus, progress: { _ in batches += 1 }, shouldStop: { stopAfterBatches.map { batches >= $0 } ?? false })
}

func exportText(_ corpus: CorpusStore) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tm-export-\(UUID().uuidString)")
    var out = ""
    for file in try CSVExport.write(corpus: corpus, to: dir.path) {
        out += try String(contentsOfFile: file.file, encoding: .utf8)
    }
    return out
}

@Suite struct CrawlTests {
    @Test func badInputsAreReportedCountedAndSkippedWhileTheRestLands() throws {
        let root = try makeArchive()
        let corpus = try CorpusStore(path: root.appendingPathComponent("c.sqlite").path)
        let summary = try crawl(root, into: corpus)
        #expect(summary.files == 18)
        #expect(summary.pages == 14)  // 12 posts + deep + invalid UTF-8 (repaired, warned)
        #expect(summary.comments == 3 * (0 + 1 + 2 + 3))
        #expect(summary.postsWithComments == 9)
        let reasons = summary.skipped.map { "\($0.file.split(separator: "/").last!): \($0.reason)" }.sorted()
        #expect(
            reasons == [
                "binary.html: skipped: binary content, not HTML (NUL byte at offset 0)",
                "empty.html: skipped: empty file",
                "huge.html: skipped: page is 3.0 MB, over the 2.0 MB limit (raise it with --max-page-mb)",
                "unreadable.html: cannot read: no such file",
            ])
        #expect(try corpus.totals().skipped == 4)
        #expect(summary.render().contains("records skipped:    4"))
    }

    @Test func aSecondCrawlPassesOverEverythingAndChangesNothing() throws {
        let root = try makeArchive()
        let corpus = try CorpusStore(path: root.appendingPathComponent("c.sqlite").path)
        _ = try crawl(root, into: corpus)
        let before = try exportText(corpus)
        let again = try crawl(root, into: corpus)
        #expect(again.alreadyStored == 16)  // every file but the two never read (huge, unreadable)
        #expect(again.pages == 0)
        #expect(try exportText(corpus) == before)
    }

    @Test func otherProfilesReadStoredPagesAndArchivesAgain() throws {
        let root = try makeArchive(pages: 4, withBadInputs: false)
        let warc = try ArchiveCrawlTests.threeCaptures()
        try FileManager.default.copyItem(at: warc, to: root.appendingPathComponent("captures.warc"))
        let corpus = try CorpusStore(path: root.appendingPathComponent("c.sqlite").path)
        let bundled = try ProfileSet.bundled()
        var run = CrawlRun(paths: [root.path], jobs: 2, maxPageBytes: 1 << 20, profiles: bundled)
        let first = try run.run(into: corpus)
        let before = try exportText(corpus)
        // Same output, other rules: a priority changed.
        run.profiles = ProfileSet(
            profiles: bundled.profiles.map { p in
                var p = p
                if p.name == "wordpress" { p.priority += 1 }
                return p
            }, pageDefaults: bundled.pageDefaults)
        #expect(run.profiles.digest != bundled.digest)
        let again = try run.run(into: corpus)
        #expect(again.alreadyStored == 0)
        #expect(again.unchangedInputs == 0)
        #expect(again.pages == first.pages)
        #expect(try exportText(corpus) == before)
        let third = try run.run(into: corpus)
        #expect(third.alreadyStored == 4 && third.unchangedInputs == 1)
    }

    @Test func aFileHasOneIdentityHoweverItsFolderIsTyped() throws {
        let root = try makeArchive(pages: 4, withBadInputs: false)
        let corpus = try CorpusStore(path: root.appendingPathComponent("c.sqlite").path)
        var run = CrawlRun(paths: [root.path], jobs: 1, maxPageBytes: 1 << 20, profiles: try ProfileSet.bundled())
        _ = try run.run(into: corpus)
        run.paths = [root.path + "/./blog.example.org/../"]
        let again = try run.run(into: corpus)
        #expect(again.alreadyStored == 4)
        #expect(try corpus.totals().captures == 4)
    }

    @Test func anInterruptedCrawlResumesToTheSameCorpus() throws {
        let root = try makeArchive()
        let reference = try CorpusStore(path: root.appendingPathComponent("ref.sqlite").path)
        _ = try crawl(root, into: reference, jobs: 1)
        let resumed = try CorpusStore(path: root.appendingPathComponent("resumed.sqlite").path)
        let first = try crawl(root, into: resumed, stopAfterBatches: 2)
        #expect(first.interrupted)
        #expect(try resumed.totals().captures == 8)
        let second = try crawl(root, into: resumed)
        #expect(!second.interrupted)
        // 8 stored, less the 2 never read (too large, dangling link): those are retried.
        #expect(second.alreadyStored == 6)
        #expect(try exportText(resumed) == exportText(reference))
    }

    @Test func outcomesArriveInInputOrderWhateverTheJobs() throws {
        let root = try makeArchive(pages: 30, withBadInputs: false)
        let files = try InputDiscovery.inputs(under: [root.path]).map(\.path)
        var orders: [[String]] = []
        for jobs in [1, 2, 4] {
            var seen: [String] = []
            try PageReader(profiles: try ProfileSet.bundled(), maxPageBytes: 1 << 20, jobs: jobs)
                .run(files: files, batchSize: 7) { batch in seen += batch.map(\.file) }
            orders.append(seen)
        }
        #expect(orders[0] == files)
        #expect(orders[1] == files)
        #expect(orders[2] == files)
    }

    @Test func discoveryTellsInputKindsApartAndReportsMissingPaths() throws {
        let dir = try ArchiveCrawlTests.temporaryFolder()
        let files: [String: String] = [
            "a.html": "<html></html>", "b.warc.gz": "", "c.WARC": "WARC/1.0\r\n", "d.xml": ExportCrawlTests.export,
            "e.xml": "<rss><channel/></rss>", "f.css": "p {}", "g.wacz": "PK",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let found = try InputDiscovery.inputs(under: [dir.path])
        #expect(
            found.map { ($0.path as NSString).lastPathComponent } == [
                "a.html", "b.warc.gz", "c.WARC", "d.xml", "g.wacz",
            ])
        #expect(found.map(\.kind) == [.page, .archive, .archive, .export, .archive])
        #expect(found.allSatisfy { $0.root == dir.standardizedFileURL.path })
        // A named file is sniffed: WARC bytes in a file called .html are an archive.
        try Data("WARC/1.0\r\n".utf8).write(to: dir.appendingPathComponent("mislabelled.html"))
        let named = try InputDiscovery.inputs(under: [dir.appendingPathComponent("mislabelled.html").path])
        #expect(named.map(\.kind) == [.archive])
        #expect(named.first?.root == nil)
    }

    @Test func discoveryFindsSavedPageNamesAndReportsMissingPaths() throws {
        #expect(InputDiscovery.isPageName("index.html?p=12"))
        #expect(InputDiscovery.isPageName("post.HTM"))
        #expect(!InputDiscovery.isPageName("style.css"))
        #expect(throws: CrawlError.self) { try InputDiscovery.inputs(under: ["/nonexistent/archive"]) }
    }
}
