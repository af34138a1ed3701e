import Corpus
import Crawl
import Foundation
import Testing

/// The demo archive's WARC (one post captured three times and revisited) and its
/// WordPress export, crawled and compared with the generator's expected results
/// (`notebooks-data/demo-expected-captures.json`, `demo-expected-export.json`).
@Suite struct DemoCapturesTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks-data")

    static func json(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent(name))) as! [String: Any]
    }

    static func rows(_ corpus: CorpusStore, _ table: String) throws -> [[String: String?]] {
        let columns = CorpusStore.exportedTables.first { $0.name == table }!.columns
        var out: [[String: String?]] = []
        try corpus.forEachRow(of: table) { row in
            out.append(Dictionary(uniqueKeysWithValues: zip(columns, row)))
        }
        return out
    }

    static func crawl(_ file: String) throws -> CorpusStore {
        let dir = try ArchiveCrawlTests.temporaryFolder()
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        _ = try crawlArchive([data.appendingPathComponent("demo-archive/" + file).path], into: corpus)
        return corpus
    }

    @Test func theCapturedPostMergesAsExpected() throws {
        let expected = try Self.json("demo-expected-captures.json")
        let corpus = try Self.crawl(expected["file"] as! String)
        let post = expected["post"] as! [String: Any]
        let posts = try Self.rows(corpus, "posts")
        #expect(posts.count == 1)
        #expect(posts.first?["title"] == post["title"] as? String)
        #expect(posts.first?["captures"] == String(post["captures"] as! Int))
        #expect(posts.first?["first_captured"] == post["first_captured"] as? String)
        #expect(posts.first?["last_captured"] == post["last_captured"] as? String)
        let comments = try Self.rows(corpus, "comments")
        let want = expected["comments"] as! [[String: Any]]
        #expect(comments.count == want.count)
        for (got, want) in zip(comments, want) {
            for key in [
                "id", "parent", "author", "published", "status", "text", "first_seen", "last_seen", "status_changed",
            ] {
                #expect(got[key] ?? nil == want[key] as? String, "\(want["id"]!): \(key)")
            }
            #expect(got["position"] == String(want["position"] as! Int))
            #expect(got["depth"] == String(want["depth"] as! Int))
        }
    }

    @Test func theExportLoadsEveryCommentWithItsParentAndStatus() throws {
        let expected = try Self.json("demo-expected-export.json")
        let corpus = try Self.crawl(expected["file"] as! String)
        let wantPosts = expected["posts"] as! [[String: Any]]
        let posts = try Self.rows(corpus, "posts")
        #expect(posts.count == wantPosts.count)
        let comments = try Self.rows(corpus, "comments")
        let pingbacks = try Self.rows(corpus, "pingbacks")
        for want in wantPosts {
            let url = want["url"] as! String
            guard let post = posts.first(where: { $0["url"] == url }) else {
                Issue.record("post \(url) not loaded")
                continue
            }
            let mine = comments.filter { $0["post_id"] == post["post_id"] }
            let theirs = want["comments"] as! [[String: Any]]
            #expect(mine.map { $0["id"] ?? nil } == theirs.map { $0["id"] as? String }, "\(url)")
            #expect(mine.map { $0["parent"] ?? nil } == theirs.map { $0["parent"] as? String }, "\(url)")
            #expect(mine.map { $0["status"] ?? nil } == theirs.map { $0["status"] as? String }, "\(url)")
            #expect(mine.map { $0["author"] ?? nil } == theirs.map { $0["author"] as? String }, "\(url)")
            let wantPingbacks = (want["pingbacks"] as? [Any])?.count ?? (want["pingbacks"] as? Int ?? 0)
            #expect(pingbacks.filter { $0["post_id"] == post["post_id"] }.count == wantPingbacks, "\(url)")
        }
    }
}
