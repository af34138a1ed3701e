import Exports
import Foundation
import Testing

@Suite struct ExportFormatTests {
    private func detect(_ text: String) -> ExportFormat? { ExportFormat.detect(Data(text.utf8)) }

    @Test func recognisesTheThreeKinds() {
        #expect(detect(wxrFixture) == .wordpress(version: "1.2"))
        #expect(detect(bloggerLegacyFixture) == .bloggerLegacy)
        #expect(detect(blogger2018Fixture) == .blogger2018)
        #expect(
            detect("<rss version='2.0' xmlns:wp='http://wordpress.org/export/1.0/'><channel/>")
                == .wordpress(version: "1.0"))
        #expect(
            detect("<rss xmlns:wp=\"http://wordpress.org/export/1.1/\"><channel/></rss>") == .wordpress(version: "1.1"))
        #expect(ExportFormat.bloggerLegacy.platform == "blogger")
        #expect(ExportFormat.wordpress(version: "1.2").platform == "wordpress")
    }

    @Test func anythingElseIsNotAnExport() {
        #expect(detect("<html><body>blog</body></html>") == nil)
        #expect(detect("<rss version='2.0'><channel><title>Feed</title></channel></rss>") == nil)
        #expect(detect("<feed xmlns='http://www.w3.org/2005/Atom'><title>Feed</title></feed>") == nil)
        #expect(detect("<rss xmlns:wp=\"http://wordpress.org/export/1.2\">") == nil)
        #expect(detect("") == nil)
    }

    @Test func onlyTheHeadIsRead() {
        let late = String(repeating: " ", count: ExportFormat.headLength) + wxrFixture
        #expect(detect(late) == nil)
    }
}
