import Corpus
import Foundation
import Reporting
import Testing
import ThreadModel

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("threadminer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

func thread(url: String, file: String, comments: Int, removed: Bool = false) -> CaptureInput {
    let list = (0..<comments).map { i in
        CommentRecord(
            id: "c\(i)", parent: i > 0 && i % 2 == 0 ? "c\(i - 1)" : nil, position: i + 1,
            depth: i > 0 && i % 2 == 0 ? 2 : 1,
            author: "Reader \(i)", status: removed && i == 0 ? .removedByAdmin : .visible, text: "text \(i)")
    }
    let record = ThreadRecord(
        source: SourceInfo(file: file), platform: "blogger", post: PostRecord(url: url, title: "T \(url)"),
        comments: list, pingbacks: [PingbackRecord(url: "http://other.example/", title: "Other")])
    return CaptureInput(file: file, sha1: SHA1.hex(file + String(comments)), bytes: 100, outcome: .thread(record))
}

func dump(_ corpus: CorpusStore) throws -> String {
    var out = ""
    for table in CorpusStore.exportedTables {
        try corpus.forEachRow(of: table.name) {
            out += table.name + ": " + $0.map { $0 ?? "∅" }.joined(separator: "|") + "\n"
        }
    }
    return out
}

@Suite struct CorpusStoreTests {
    let inputs = [
        thread(url: "http://a.example/1.html", file: "x/a1.html", comments: 3, removed: true),
        thread(url: "http://a.example/2.html", file: "x/a2.html", comments: 0),
        thread(url: "http://b.example/1.html", file: "x/b1.html", comments: 5),
        CaptureInput(file: "x/bad.html", sha1: "00", bytes: 5, outcome: .skipped("skipped: empty file")),
    ]

    @Test func storingTwiceChangesNothing() throws {
        let dir = try temporaryDirectory()
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        try corpus.store(inputs)
        try corpus.consolidate()
        let first = try dump(corpus)
        try corpus.store(inputs)
        try corpus.consolidate()
        #expect(try dump(corpus) == first)
        let totals = try corpus.totals()
        #expect(totals.captures == 4)
        #expect(totals.skipped == 1)
        #expect(totals.posts == 3)
        #expect(totals.postsWithComments == 2)
        #expect(totals.comments == 8)
        #expect(totals.removedByAdmin == 1)
        #expect(totals.pingbacks == 3)
    }

    @Test func orderAndBatchingDoNotMatter() throws {
        let dir = try temporaryDirectory()
        let a = try CorpusStore(path: dir.appendingPathComponent("a.sqlite").path)
        let b = try CorpusStore(path: dir.appendingPathComponent("b.sqlite").path)
        try a.store(inputs)
        try a.consolidate()
        for input in inputs.reversed() { try b.store([input]) }
        try b.consolidate()
        #expect(try dump(a) == dump(b))
    }

    @Test func undatedCapturesOfOnePostAreUnited() throws {
        let dir = try temporaryDirectory()
        let small = thread(url: "http://a.example/1.html#comments", file: "y/old.html", comments: 1)
        let big = thread(url: "https://A.example/1.html", file: "y/new.html", comments: 4)
        let forward = try CorpusStore(path: dir.appendingPathComponent("f.sqlite").path)
        try forward.store([small])
        try forward.consolidate()
        try forward.store([big])
        try forward.consolidate()
        let backward = try CorpusStore(path: dir.appendingPathComponent("b.sqlite").path)
        try backward.store([big])
        try backward.consolidate()
        try backward.store([small])
        try backward.consolidate()
        #expect(try dump(forward) == dump(backward))
        #expect(try forward.totals().posts == 1)
        #expect(try forward.totals().comments == 4)
        #expect(try forward.totals().captures == 2)
    }

    @Test func aChangedFileReplacesItsThread() throws {
        let dir = try temporaryDirectory()
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        try corpus.store([thread(url: "http://a.example/1.html", file: "z/p.html", comments: 2)])
        try corpus.consolidate()
        try corpus.store([thread(url: "http://a.example/1.html", file: "z/p.html", comments: 3)])
        try corpus.consolidate()
        #expect(try corpus.totals().comments == 3)
        #expect(try corpus.storedDigests(rules: nil)["z/p.html"] == SHA1.hex("z/p.html3"))
    }

    @Test func reopeningKeepsDataAndSchema() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("c.sqlite").path
        let first = try CorpusStore(path: path)
        try first.store(inputs)
        try first.consolidate()
        #expect(try CorpusStore(path: path).totals().comments == 8)
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("not.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            try CorpusStore(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("cannot open corpus")
        }
    }

    @Test func canonicalURLsMergeSchemesFragmentsAndCommentQueries() {
        #expect(
            Ids.canonicalURL("https://Blog.Example.com/2011/07/p.html?showComment=123#c9")
                == "http://blog.example.com/2011/07/p.html")
        #expect(Ids.canonicalURL("http://blog.example.com/?p=12&replytocom=5") == "http://blog.example.com/?p=12")
        #expect(Ids.canonicalURL("not a url") == nil)
    }
}

@Suite struct CaptureMergeTests {
    func capture(_ file: String, at time: String, _ comments: [(id: String, author: String, text: String)])
        -> CaptureInput
    {
        let list = comments.enumerated().map { i, c in
            CommentRecord(id: c.id, position: i + 1, author: c.author, text: c.text)
        }
        let record = ThreadRecord(
            source: SourceInfo(file: file), platform: "custom", post: PostRecord(url: "http://a.example/p.html"),
            comments: list)
        var input = CaptureInput(file: file, sha1: SHA1.hex(file), bytes: 1, outcome: .thread(record))
        input.captured = time
        return input
    }

    @Test func positionalIdsAreMatchedByTextAndRenumbered() throws {
        let dir = try temporaryDirectory()
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        try corpus.store([
            capture(
                "t1.html", at: "2011-01-01T00:00:00Z", [("p1", "Ann", "A"), ("p2", "Bob", "B"), ("p3", "Bob", "B")]),
            capture("t2.html", at: "2011-02-01T00:00:00Z", [("p1", "Bob", "B"), ("p2", "Bob", "B")]),
        ])
        try corpus.consolidate()
        var rows: [String] = []
        try corpus.forEachRow(of: "comments") { r in
            rows.append([r[1], r[5], r[12]].map { $0 ?? "∅" }.joined(separator: "|"))
        }
        // Ann's comment is gone from the later capture; both of Bob's identical comments stay.
        #expect(rows == ["p1|Ann|vanished", "p2|Bob|visible", "p3|Bob|visible"])
    }
}
