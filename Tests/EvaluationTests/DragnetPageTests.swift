import Evaluation
import Foundation
import Testing

@Suite struct DragnetPageTests {
    @Test(arguments: [
        "!@#$%^&*()  COMMENTS", "!@#$%^&*() COMMENTS", "!@#$%^&*()  COMMNENTS", "!@#$%^&*()  CORRECTED",
        "!@ $%^&*()  COMMENTS", "!#@$%^&*()  COMMENTS", "!!@#$%^&*()  COMMENTS", "!@#$%$%^&*()  COMMENTS",
        "!@#$%^&*   COMMENTS", "!@#$%^&*()  \tCOMMENTS", "!@#$%^&*()", "  !@#$%^&*()  COMMENTS  \r",
    ])
    func separatorSpellings(line: String) {
        #expect(DragnetPage.isSeparator(Substring(line)))
    }

    @Test(arguments: [
        "COMMENTS", "***", "(((((hugs)))))", "SPOILER ALERT*****", "see !@#$%^&*() COMMENTS below", "!@#$ COMMENTS",
        "!@#$%^&*() COMMENTS here", "",
    ])
    func notSeparators(line: String) {
        #expect(!DragnetPage.isSeparator(Substring(line)))
    }

    @Test func commentBlockIsTheTextAfterTheFirstSeparatorLine() {
        let text =
            "Article with $%^&* inside.\r\nMore article.\r\n!@#$%^&*()  COMMENTS\r\nJoe said hi.\r\n!@#$%^&*()  COMMENTS\r\nAnn"
        #expect(DragnetPage.commentBlock(of: text) == "Joe said hi.\r\n!@#$%^&*()  COMMENTS\r\nAnn")
        #expect(DragnetPage.commentBlock(of: "Only an article.\n") == nil)
        #expect(DragnetPage.commentBlock(of: "Article\n!@#$%^&*()  COMMENTS") == "")
        #expect(DragnetPage.commentBlock(of: "!@#$%^&*()  COMMENTS\nfirst line") == "first line")
    }

    @Test func decodesByByteOrderMarkThenUTF8ThenWindows1252() {
        let text = "Caf\u{E9} \u{2019}n\u{2019} r\u{E9}sum\u{E9}"
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        #expect(DragnetPage.decode(little) == text)
        #expect(DragnetPage.decode(big) == text)
        #expect(DragnetPage.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)) == text)
        #expect(DragnetPage.decode(Data(text.utf8)) == text)
        // windows-1252: é = E9, ’ = 92; 0x81 is unassigned and stays a C1 control.
        #expect(DragnetPage.decode(Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x92, 0x81])) == "Caf\u{E9} \u{2019}\u{81}")
    }

    @Test func utf16SeparatorIsFound() throws {
        let text = "Article\r\n!@#$%^&*()  COMMENTS\r\nGreat post!"
        var data = Data([0xFF, 0xFE])
        for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        #expect(DragnetPage.commentBlock(of: DragnetPage.decode(data)) == "Great post!")
    }

    @Test func loadsTheSplitInOrder() throws {
        let corpus = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: corpus) }
        try write("R2\n\nT1  \nR3", to: corpus, "dragnet/training.txt")
        try write("Article\n!@ $%^&*()  COMMENTS\nNice one", to: corpus, "dragnet/Corrected/R2.html.corrected.txt")
        try write("Only article", to: corpus, "dragnet/Corrected/T1.html.corrected.txt")
        try write("Article\n!@#$%^&*()  COMMENTS\n  ...  ", to: corpus, "dragnet/Corrected/R3.html.corrected.txt")
        let pages = try DragnetPage.load(corpus: corpus)
        #expect(pages.map(\.id) == ["R2", "T1", "R3"])
        #expect(pages.map(\.source) == ["dragnet/HTML/R2.html", "dragnet/HTML/T1.html", "dragnet/HTML/R3.html"])
        #expect(pages.map(\.comments) == ["Nice one", nil, "  ...  "])
        #expect(pages.map(\.hasComments) == [true, false, false])
    }

    @Test func missingFilesAreNamed() throws {
        let corpus = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: corpus) }
        let noSplit = #expect(throws: SuiteDataError.self) { try DragnetPage.load(corpus: corpus) }
        #expect(noSplit?.file.hasSuffix("dragnet/training.txt") == true)
        try write("R1\n", to: corpus, "dragnet/training.txt")
        let noText = #expect(throws: SuiteDataError.self) { try DragnetPage.load(corpus: corpus) }
        #expect(noText?.file.hasSuffix("Corrected/R1.html.corrected.txt") == true)
    }
}
