import Evaluation
import Foundation
import Testing
import ThreadModel

@Suite struct ExtractedCommentsTests {
    @Test func minimalLineDecodesWithDefaults() throws {
        let line = #"{"source": {"file": "dragnet/HTML/R1.html"}, "comments": [{"text": "First"}, {"text": "Second"}]}"#
        let r = try ExtractedComments.record(jsonLine: Data(line.utf8))
        #expect(r.source.file == "dragnet/HTML/R1.html" && r.platform == nil)
        #expect(r.comments.map(\.id) == ["p1", "p2"])
        #expect(r.comments.map(\.position) == [1, 2])
        #expect(r.comments.allSatisfy { $0.status == .visible && $0.parent == nil && !$0.isPostAuthor })
        #expect(ExtractedComments.text(of: r) == "First\nSecond")
        #expect(ExtractedComments.text(of: nil) == "")
    }

    @Test func aCommentIsScoredAsItsBlockBylineIncluded() throws {
        let line = #"""
            {"source": {"file": "a.html"}, "comments": [
             {"author": "Joe", "published_raw": "11:58 AM", "text": "Thanks"}, {"author": "", "text": "Hi"}]}
            """#
        let r = try ExtractedComments.record(jsonLine: Data(line.utf8))
        #expect(ExtractedComments.text(of: r) == "Joe\n11:58 AM\nThanks\nHi")
        #expect(ExtractedComments.text(of: r, textOnly: true) == "Thanks\nHi")
    }

    @Test func threadminerRecordsDecodeToThemselves() throws {
        let original = record(
            [
                extractedComment(1, texts[0], author: "Joe", url: "http://a.example", published: "2005-04-19T19:14"),
                extractedComment(2, placeholder, parent: 1, status: .removedByAuthor, isPostAuthor: true),
            ], countShown: 2, pingbacks: 1)
        let decoded = try ExtractedComments.record(jsonLine: try original.jsonLine())
        #expect(decoded.comments == original.comments)
        #expect(decoded.post.commentCountShown == 2 && decoded.pingbacks.count == 1)
        #expect(decoded.platform == "blogger")
    }

    @Test func loadKeysByCorpusPathAndKeepsTheFirstRecord() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let lines = [
            #"{"source": {"file": "dragnet/HTML/R1.html"}, "comments": [{"text": "one"}]}"#,
            "",
            #"{"source": {"file": "\#(corpus.path)/trafilatura/eval/a.html"}, "comments": []}"#,
            #"{"source": {"file": "./dragnet/HTML/R1.html"}, "comments": [{"text": "later"}]}"#,
            #"{"source": {"file": "/elsewhere/x.html"}}"#,
        ]
        try write(lines.joined(separator: "\n") + "\n", to: folder, "out.jsonl")
        let records = try ExtractedComments.load(jsonl: folder.appendingPathComponent("out.jsonl"), corpus: corpus)
        #expect(Set(records.keys) == ["dragnet/HTML/R1.html", "trafilatura/eval/a.html", "/elsewhere/x.html"])
        #expect(ExtractedComments.text(of: records["dragnet/HTML/R1.html"]) == "one")
    }

    @Test func relativePathFromTheCurrentDirectoryIsReadFromThere() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try write("<p>page</p>", to: corpus, "dragnet/HTML/R2.html")
        let cwd = FileManager.default.currentDirectoryPath
        let fromHere = "./" + relativePath(from: cwd, to: corpus.appendingPathComponent("dragnet/HTML/R2.html").path)
        try write(#"{"source": {"file": "\#(fromHere)"}}"# + "\n", to: folder, "out.jsonl")
        let records = try ExtractedComments.load(jsonl: folder.appendingPathComponent("out.jsonl"), corpus: corpus)
        #expect(Array(records.keys) == ["dragnet/HTML/R2.html"])
    }

    @Test func pathLeavingAndReenteringTheCorpusIsKeyedInsideIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try write("<p>page</p>", to: corpus, "dragnet/HTML/R3.html")
        try write(#"{"source": {"file": "../corpus/dragnet/HTML/R3.html"}}"# + "\n", to: folder, "out.jsonl")
        let records = try ExtractedComments.load(jsonl: folder.appendingPathComponent("out.jsonl"), corpus: corpus)
        #expect(Array(records.keys) == ["dragnet/HTML/R3.html"])
    }

    /// A `../`-path from one absolute folder to an absolute file.
    private func relativePath(from folder: String, to file: String) -> String {
        let base = URL(fileURLWithPath: folder).resolvingSymlinksInPath().pathComponents
        let target = URL(fileURLWithPath: file).resolvingSymlinksInPath().pathComponents
        let shared = zip(base, target).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - shared) + target[shared...]).joined(separator: "/")
    }

    @Test func badLineIsNamedWithItsNumber() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(
            #"{"source": {"file": "a.html"}}"# + "\n" + #"{"comments": []}"# + "\n", to: folder, "out.jsonl")
        let error = #expect(throws: SuiteDataError.self) {
            try ExtractedComments.load(jsonl: folder.appendingPathComponent("out.jsonl"), corpus: folder)
        }
        #expect(error?.file.hasSuffix("out.jsonl:2") == true)
        #expect(error?.problem.hasPrefix("missing source") == true, "\(error?.problem ?? "")")
        #expect(throws: SuiteDataError.self) {
            try ExtractedComments.load(jsonl: folder.appendingPathComponent("none.jsonl"), corpus: folder)
        }
    }
}
