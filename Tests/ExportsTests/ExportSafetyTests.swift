import Exports
import Foundation
import Testing

/// Hostile and damaged files: the reader must not read local files, must not blow up
/// on entity bombs, and must say clearly what is wrong with a broken file.
@Suite struct ExportSafetyTests {
    private func wxr(doctype: String, content: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        \(doctype)
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <item>
            <title>Post</title><link>https://blog.example/post/</link>
            <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
            <wp:comment>
              <wp:comment_id>1</wp:comment_id>
              <wp:comment_content>\(content)</wp:comment_content>
              <wp:comment_approved>1</wp:comment_approved>
            </wp:comment>
          </item>
        </channel>
        </rss>
        """
    }

    @Test func externalEntitiesInACommentAreNotRead() throws {
        let xml = wxr(
            doctype: "<!DOCTYPE rss [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", content: "before &e; after")
        let contents = try ExportReader.read(Data(xml.utf8), path: "xxe.xml")
        let comment = try #require(contents.records.first?.comments.first)
        #expect(comment.text == "before after")
        #expect(!comment.text.contains("root:"))
    }

    @Test func billionLaughsFailsFastWithATypedError() {
        let laughs = (1...9).map { level in
            "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let xml = wxr(
            doctype: "<!DOCTYPE rss [<!ENTITY l0 \"lol\">" + laughs.joined() + "]>", content: "&l9;")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect {
                let contents = try ExportReader.read(Data(xml.utf8), path: "laughs.xml")
                return (contents.records.first?.comments.first?.text.count ?? 0) < 100
            } throws: { error in
                (error as? ExportError)?.kind == .notWellFormed
            }
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func aTruncatedFileIsATypedErrorWithItsLine() throws {
        let truncated = String(wxrFixture.prefix(wxrFixture.count / 2))
        let error = try #require(
            throws: ExportError.self, performing: { try ExportReader.read(Data(truncated.utf8), path: "cut.xml") })
        #expect(error.kind == .notWellFormed)
        #expect(error.file == "cut.xml")
        #expect((error.line ?? 0) > 10)
        #expect(error.description.hasPrefix("cut.xml:\(error.line ?? 0): column "))
        #expect(error.description.contains("download the export again"))
    }

    @Test func aFileThatIsNoExportIsATypedError() throws {
        let error = try #require(
            throws: ExportError.self,
            performing: { try ExportReader.read(Data("<html><body>hi</body></html>".utf8), path: "page.html") })
        #expect(error.kind == .notAnExport)
        #expect(error.line == nil)
    }

    @Test func anExportWithoutItsOuterElementsIsATypedError() throws {
        let xml = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><item/></rss>"
        let error = try #require(
            throws: ExportError.self, performing: { try ExportReader.read(Data(xml.utf8), path: "odd.xml") })
        #expect(error.kind == .unexpectedStructure)
        #expect(error.line == 1)
    }
}
