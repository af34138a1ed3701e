import Foundation
import Markup
import Testing

private func parse(_ html: String, declared: String? = nil) throws -> HTMLDocument {
    try parse(Array(html.utf8), declared: declared)
}

private func parse(_ bytes: [UInt8], declared: String? = nil, limit: Int = 32 << 20) throws -> HTMLDocument {
    try bytes.withUnsafeBytes {
        try HTMLDocument(bytes: $0, declaredEncoding: declared, limits: ParseLimits(maxBytes: limit))
    }
}

private func text(_ doc: HTMLDocument, _ xpath: String) throws -> String {
    try #require(doc.nodes(try XPathExpression(xpath)).first).visibleText()
}

@Suite struct VisibleTextTests {
    @Test func skipsScriptsAndStylesAndBreaksLines() throws {
        let doc = try parse(
            """
            <html><head><style>.x{}</style></head><body><div id="c">Hello <b>big</b>
              world<br>second&nbsp;&nbsp;line<script>var x = "<p>no</p>";</script><p>para   one</p>tail</div></body></html>
            """)
        let shown = try text(doc, "//div[@id='c']")
        #expect(shown == "Hello big world\nsecond line\npara one\ntail")
    }

    @Test func excludesSubtrees() throws {
        let doc = try parse("<div id='c'><p>keep</p><p class='by'>drop</p><p>also</p></div>")
        let by = try #require(doc.nodes(try XPathExpression("//p[@class='by']")).first)
        let node = try #require(doc.nodes(try XPathExpression("//div")).first)
        #expect(node.visibleText(excluding: [by]) == "keep\nalso")
        #expect(node.inlineText() == "keep drop also")
    }

    @Test func excludesBareTextNodes() throws {
        let doc = try parse("<div><cite>Ann</cite> Says:<p>Hello</p></div>")
        let says = try #require(doc.nodes(try XPathExpression("//cite/following-sibling::text()[1]")).first)
        let node = try #require(doc.nodes(try XPathExpression("//div")).first)
        #expect(node.visibleText(excluding: [says]) == "Ann\nHello")
    }

    @Test func deepNestingKeepsInnerTextAndDoesNotRecurse() throws {
        let depth = 100_000
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let doc = try parse(html)
        let body = try #require(doc.nodes(try XPathExpression("//body")).first)
        #expect(body.visibleText() == "deep text")
    }
}

@Suite struct XPathTests {
    @Test func nodesStringsAndAttributes() throws {
        let doc = try parse("<ul><li id='a' class='x y'>one</li><li id='b'>two</li></ul>")
        let items = doc.nodes(try XPathExpression("//li"))
        #expect(items.map(\.name) == ["li", "li"])
        #expect(items.map { $0.attribute("id") } == ["a", "b"])
        #expect(items[0].attribute("missing") == nil)
        guard case .string(let s) = doc.evaluate(try XPathExpression("string(//li[2])")) else {
            Issue.record("expected a string result")
            return
        }
        #expect(s == "two")
        guard case .number(let n) = doc.evaluate(try XPathExpression("count(//li)")) else {
            Issue.record("expected a number result")
            return
        }
        #expect(n == 2)
        let relative = doc.nodes(try XPathExpression("following-sibling::li"), from: items[0])
        #expect(relative == [items[1]])
        #expect(items[1].parent?.name == "ul")
    }

    @Test func invalidExpressionIsAnErrorNotAPrint() {
        #expect(throws: MarkupError.invalidXPath("//li[")) { try XPathExpression("//li[") }
    }
}

@Suite struct EncodingTests {
    @Test func undeclaredNonUTF8IsWindows1252() throws {
        // “quoted” café €5 and 0x9D, which glibc's CP1252 rejects.
        var bytes = Array("<html><body><p>".utf8)
        bytes += [0x93, 0x71, 0x94, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x35, 0x20, 0x9D, 0x20]
        bytes += Array("end</p></body></html>".utf8)
        let doc = try parse(bytes)
        #expect(doc.encoding == "windows-1252")
        #expect(doc.encodingSource == .windows1252Fallback)
        #expect(try text(doc, "//p") == "\u{201C}q\u{201D} café €5 \u{9D} end")
        #expect(!doc.conversionFailed)
    }

    @Test func bytesThatDoNotFitALegacyEncodingAreReplacedAndTheRestKept() throws {
        // Shift_JIS 日本, then 0xFF (not Shift_JIS), then more text that must survive.
        var bytes = Array("<html><head><meta charset='shift_jis'></head><body><p>".utf8)
        bytes += [0x93, 0xFA, 0x96, 0x7B, 0xFF, 0x20]
        bytes += Array("after</p><p>second</p></body></html>".utf8)
        let doc = try parse(bytes)
        #expect(doc.encoding == "shift_jis")
        #expect(doc.replacedBytes == 1)
        #expect(try text(doc, "//p[1]") == "日本\u{FFFD} after")
        #expect(try text(doc, "//p[2]") == "second")
    }

    @Test func windows1251FromTheServerIsDecoded() throws {
        var bytes = Array("<html><body><p>".utf8)
        bytes += [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0x98]  // "Привет " + 0x98 (unassigned)
        bytes += Array("!</p></body></html>".utf8)
        let doc = try bytes.withUnsafeBytes { try HTMLDocument(bytes: $0, declaredEncoding: "windows-1251") }
        #expect(try text(doc, "//p") == "Привет \u{FFFD}!")
        #expect(doc.replacedBytes == 1)
    }

    @Test func metaCharsetIsHonouredAndLatin1MeansWindows1252() throws {
        var bytes = Array(
            "<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head><body><p>".utf8)
        bytes += [0x93, 0x78, 0x94]
        bytes += Array("</p></body></html>".utf8)
        let doc = try parse(bytes)
        #expect(doc.encodingSource == .meta)
        #expect(try text(doc, "//p") == "\u{201C}x\u{201D}")
    }

    @Test func declaredEncodingBeatsMeta() throws {
        let bytes = Array("<html><head><meta charset='windows-1252'></head><body><p>caf\u{E9}</p></body></html>".utf8)
        let doc = try parse(bytes, declared: "utf-8")
        #expect(doc.encodingSource == .declared)
        #expect(try text(doc, "//p") == "café")
    }

    @Test func byteOrderMarkBeatsMeta() throws {
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF]
            + Array("<html><head><meta charset='iso-8859-1'></head><body><p>é</p></body></html>".utf8)
        let doc = try parse(bytes)
        #expect(doc.encodingSource == .byteOrderMark)
        #expect(try text(doc, "//p") == "é")
    }

    @Test func invalidUTF8IsRepairedNotTruncated() throws {
        var bytes = Array("<html><head><meta charset='utf-8'></head><body><p>a".utf8)
        bytes += [0xFF]
        bytes += Array("b</p><p>after</p></body></html>".utf8)
        let doc = try parse(bytes)
        #expect(doc.repairedInvalidUTF8)
        #expect(try text(doc, "//p[1]") == "a\u{FFFD}b")
        #expect(try text(doc, "//p[2]") == "after")
    }

    @Test func utf16NamedInAMetaTagMeansUTF8() throws {
        let doc = try parse("<html><head><meta charset='utf-16'></head><body><p>plain ascii</p></body></html>")
        #expect(doc.encoding == "UTF-8")
        #expect(try text(doc, "//p") == "plain ascii")
    }

    @Test func sniffedLabelsAreCanonical() {
        #expect(EncodingSniffer.canonicalLabel(" Latin1 ") == "windows-1252")
        #expect(EncodingSniffer.canonicalLabel("utf8") == "UTF-8")
        #expect(EncodingSniffer.canonicalLabel("koi8-r") == "koi8-r")
    }
}

@Suite struct BadInputTests {
    @Test func emptyAndWhitespaceOnly() {
        #expect(throws: MarkupError.empty) { try parse([UInt8]()) }
        #expect(throws: MarkupError.empty) { try parse(Array("  \n ".utf8)) }
    }

    @Test func binaryIsRefusedWithItsOffset() {
        #expect(throws: MarkupError.binary(offset: 3)) { try parse([0x3C, 0x68, 0x31, 0x00, 0x41]) }
    }

    @Test func oversizedPageIsRefused() {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: 2048)
        #expect(throws: MarkupError.tooLarge(bytes: 2048, limit: 1024)) { try parse(bytes, limit: 1024) }
    }

    @Test func brokenMarkupIsRecovered() throws {
        let doc = try parse("<html><body><div><p>open <b>bold <i>both</div><p>next")
        #expect(doc.nodes(try XPathExpression("//p")).count == 2)
    }
}

@Suite struct HasClassFunctionTests {
    private let page = """
        <div id='a' class='comment odd'><p id='b' class="\tcomment\n">x</p><p id='c' class='comments'>y</p>
        <p id='d'>z</p><p id='e' class=''>w</p><p id='f' class='x-comment comment-body   comment'>v</p></div>
        """

    private func ids(_ doc: HTMLDocument, _ xpath: String) throws -> [String] {
        doc.nodes(try XPathExpression(xpath)).compactMap { $0.attribute("id") }
    }

    @Test func matchesWholeTokensSplitOnWhiteSpace() throws {
        let doc = try parse(page)
        #expect(try ids(doc, "//*[has-class('comment')]") == ["a", "b", "f"])
        #expect(try ids(doc, "//*[has-class('comments')]") == ["c"])
        #expect(try ids(doc, "//*[has-class('comment-body')]") == ["f"])
        #expect(try ids(doc, "//*[has-class('Comment')]").isEmpty)
        #expect(try ids(doc, "//*[has-class('comment odd')]").isEmpty)
        #expect(try ids(doc, "//*[has-class('')]").isEmpty)
    }

    @Test func agreesWithTheConcatSpelling() throws {
        let doc = try parse(page)
        for token in ["comment", "comments", "odd", "comment-body", "x-comment", "body", "w"] {
            let spelled = try ids(doc, "//*[contains(concat(' ',normalize-space(@class),' '),' \(token) ')]")
            #expect(try ids(doc, "//*[has-class('\(token)')]") == spelled, "\(token)")
        }
    }

    @Test func isFalseOffElementsAndAnErrorWithoutOneArgument() throws {
        let doc = try parse(page)
        #expect(try ids(doc, "//p[text()[has-class('comment')]]").isEmpty)
        guard case .nodes(let none) = doc.evaluate(try XPathExpression("//*[has-class()]")) else {
            Issue.record("expected an empty node set")
            return
        }
        #expect(none.isEmpty)
    }
}

@Suite struct WhiteSpaceTests {
    /// The scalar sets are Foundation's, checked over the Basic Multilingual Plane.
    @Test func scalarSetsAreFoundations() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(WhiteSpace.isWhiteSpace(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar))
            #expect(WhiteSpace.isBlank(scalar) == CharacterSet.whitespaces.contains(scalar))
        }
    }

    @Test(arguments: [
        "", " ", "  a b  ", "\n\tline\r\n", "\u{A0}name\u{2003}", "\u{3000}全角\u{3000}", "e\u{301} ", " \u{301}x",
        "\u{2028}x\u{2029}", "x\u{200B}",
    ])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite struct ByteLevelReadersTests {
    /// `UTF8Validator.isValid` agrees with the standard library's validation on seeded
    /// random byte strings, mostly ASCII with UTF-8 sequences, broken ones among them.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xC3], [0xE2, 0x82],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80], Array("abcdefgh".utf8),
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBytes { UTF8Validator.isValid($0) } == expected, "\(bytes)")
        }
    }

    @Test func lowercasedAttributeIsTheAttributeLowercased() throws {
        let doc = try parse("<p id='A' class='Comment BY-User &amp; x'>1</p><p id='b' class='ÉTÉ Été'>2</p><p>3</p>")
        for node in doc.nodes(try XPathExpression("//p")) {
            #expect(node.lowercasedAttribute("class") == node.attribute("class")?.lowercased())
            #expect(node.lowercasedAttribute("id") == node.attribute("id")?.lowercased())
        }
    }
}

/// A small seeded generator (SplitMix64), so the random cases are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct NumberedIDFunctionTests {
    @Test func agreesWithTheSpelledOutTest() throws {
        let doc = try parse(
            "<p id='comment-12'>a</p><p id='comment-'>b</p><p id='comment-1x'>c</p><p id='Comment-3'>d</p>"
                + "<p id='comment-007'>e</p><p>f</p><p id='comment-٣'>g</p><p id='xcomment-4'>h</p>")
        let spelled = doc.nodes(
            try XPathExpression(
                "//p[starts-with(@id,'comment-') and string-length(@id)>8 and translate(substring(@id,9),'0123456789','')='']"
            ))
        let called = doc.nodes(try XPathExpression("//p[numbered-id('comment-')]"))
        #expect(called.map { $0.attribute("id") } == ["comment-12", "comment-007"])
        #expect(called == spelled)
    }
}
