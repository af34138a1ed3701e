import Corpus
import Foundation
import Reporting
import Testing
import ThreadModel

@Suite struct CSVWriterTests {
    func text(_ rows: [[String?]], guardFormulas: Bool = true) -> String {
        var w = CSVWriter(guardFormulas: guardFormulas)
        for row in rows { w.append(row) }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func quotesOnlyWhenNeededAndUsesCRLF() {
        #expect(
            text([["a", "b,c", "say \"hi\"", "two\nlines", nil, ""]])
                == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n")
    }

    @Test func guardsFormulaCellsButNotNumbers() {
        #expect(
            text([["=1+1", "+cmd", "-2+3", "@SUM(A1)", "-12", "+3.5", "\tx", "a=b"]])
                == "'=1+1,'+cmd,'-2+3,'@SUM(A1),-12,+3.5,'\tx,a=b\r\n")
        #expect(text([["=1+1"]], guardFormulas: false) == "=1+1\r\n")
    }

    @Test func unicodeIsWrittenAsUTF8() {
        #expect(Array(text([["café “q”"]]).utf8) == Array("café “q”\r\n".utf8))
    }
}

@Suite struct CSVExportTests {
    @Test func writesOneFilePerTableWithHeadersAndRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tm-csv-\(UUID().uuidString)")
        let corpus = try CorpusStore(path: dir.appendingPathComponent("c.sqlite").path)
        let record = ThreadRecord(
            source: SourceInfo(file: "p.html"), platform: "wordpress",
            post: PostRecord(url: "http://w.example/p/", title: "P", commentCountShown: 2),
            comments: [
                CommentRecord(id: "comment-1", position: 1, author: "=cmd|' /C calc'!A0", text: "hello, \"world\""),
                CommentRecord(
                    id: "comment-2", parent: "comment-1", position: 2, depth: 2, author: "B", isPostAuthor: true,
                    status: .pending, text: "line1\nline2"),
            ])
        try corpus.store([CaptureInput(file: "p.html", sha1: "ab", bytes: 10, outcome: .thread(record))])
        try corpus.consolidate()
        let written = try CSVExport.write(corpus: corpus, to: dir.appendingPathComponent("csv").path)
        #expect(
            written.map { URL(fileURLWithPath: $0.file).lastPathComponent } == [
                "posts.csv", "comments.csv", "pingbacks.csv", "captures.csv", "missing_pages.csv", "skipped.csv",
            ])
        #expect(written.map(\.rows) == [1, 2, 0, 1, 0, 0])
        let comments = try String(contentsOf: dir.appendingPathComponent("csv/comments.csv"), encoding: .utf8)
        let lines = comments.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "post_id,id,parent,position,depth,author,author_url,is_post_author,is_anonymous,published,"
                + "published_raw,published_relative,status,text,first_seen,last_seen,status_changed")
        let postID = Ids.post(url: "http://w.example/p/", file: "p.html", offset: 0)
        #expect(
            lines[1]
                == "\(postID),comment-1,,1,1,'=cmd|' /C calc'!A0,,false,false,,,false,visible,\"hello, \"\"world\"\"\",,,"
        )
        #expect(lines[2] == "\(postID),comment-2,comment-1,2,2,B,,true,false,,,false,pending,\"line1\nline2\",,,")
    }
}
