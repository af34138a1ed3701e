import Evaluation
import Foundation
import Testing

@Suite struct SnippetTests {
    @Test func snippetsMatchAfterWhitespaceNormalisationCaseSensitively() {
        let extracted = "Ann wrote:\n  Danke für\tdieses   Kapitel!\nBob: great post"
        let s = SnippetScore(
            snippets: ["Danke für dieses Kapitel", " great\npost ", "Great post", "missing"], extracted: extracted)
        #expect(s == SnippetScore(snippets: 4, found: 2, expectsNone: false, extractedNothing: false))
        #expect(!s.isClean)
    }

    @Test func emptySnippetsAreNotCounted() {
        let s = SnippetScore(snippets: ["", "  ", "x"], extracted: "")
        #expect((s.snippets, s.found, s.expectsNone) == (1, 0, false))
    }

    @Test func emptyListExpectsNoComments() {
        #expect(SnippetScore(snippets: [], extracted: " \n ").isClean)
        let leaked = SnippetScore(snippets: [], extracted: "Share this")
        #expect(leaked.expectsNone && !leaked.isClean)
    }

    @Test func loadResolvesCacheThenEvalAndCountsTheRest() throws {
        let corpus = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: corpus) }
        try write(
            """
            {"https://b.example/": {"file": "b.html", "with": ["x"], "without": [], "comments": ["Nice"]},
             "https://a.example/": {"file": "a.html", "with": [], "without": [], "comments": []},
             "https://c.example/": {"file": "c.html", "with": [], "without": [], "comments": ["gone"]},
             "https://d.example/": {"file": "b.html", "with": [], "without": [], "comments": null},
             "https://e.example/": {"file": "a.html", "with": [], "without": []}}
            """, to: corpus, "trafilatura/evaldata.json")
        try write("<p>b</p>", to: corpus, "trafilatura/eval/b.html")
        try write("<p>a</p>", to: corpus, "trafilatura/eval/a.html")
        try write("<p>a</p>", to: corpus, "trafilatura/cache/a.html")
        let suite = try SnippetPage.load(corpus: corpus)
        #expect(
            suite.pages == [
                SnippetPage(url: "https://a.example/", source: "trafilatura/cache/a.html", snippets: []),
                SnippetPage(url: "https://b.example/", source: "trafilatura/eval/b.html", snippets: ["Nice"]),
            ])
        #expect((suite.unannotated, suite.missingFiles) == (2, 1))
    }

    @Test func unreadableEvaldataIsAnError() throws {
        let corpus = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: corpus) }
        #expect(throws: SuiteDataError.self) { try SnippetPage.load(corpus: corpus) }
        try write("[1, 2]", to: corpus, "trafilatura/evaldata.json")
        let error = #expect(throws: SuiteDataError.self) { try SnippetPage.load(corpus: corpus) }
        #expect(error?.problem.hasPrefix("not a JSON object") == true)
    }

    @Test func reportSumsSnippetsAndCleanPages() {
        let report = SnippetReport([
            SnippetReport.Entry(
                page: SnippetPage(url: "u1", source: "trafilatura/eval/one.html", snippets: ["a b", "c"]),
                platform: "wordpress", extracted: "a  b"),
            SnippetReport.Entry(
                page: SnippetPage(url: "u2", source: "trafilatura/cache/two.html", snippets: []),
                platform: "none", extracted: ""),
            SnippetReport.Entry(
                page: SnippetPage(url: "u3", source: "trafilatura/eval/three.html", snippets: []),
                platform: "wordpress", extracted: "Reply"),
        ])
        #expect(report.entries.map(\.name) == ["one.html", "two.html", "three.html"])
        let t = report.total
        #expect((t.pages, t.snippets, t.found, t.expectingNone, t.clean) == (3, 2, 1, 2, 1))
        #expect(t.foundRate == 0.5 && t.cleanRate == 0.5)
        #expect(report.platforms.map(\.platform) == ["none", "wordpress"])
        #expect(report.platforms[0].totals.foundRate == nil)
        let text = report.table().renderText(pages: false).split(separator: "\n")
        #expect(text.count == 6)  // header, rule, 2 platforms, rule, total
        #expect(text[5].hasPrefix("TOTAL (3 pages)  all") && text[5].hasSuffix("0.500"))
    }
}
