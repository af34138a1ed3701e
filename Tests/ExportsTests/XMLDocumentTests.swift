import Markup
import Testing

private func parse(_ xml: String, namespaces: [String: String] = [:]) throws(XMLDocumentError) -> XMLDocument {
    try parse(Array(xml.utf8), namespaces: namespaces)
}

private func parse(_ bytes: [UInt8], namespaces: [String: String] = [:]) throws(XMLDocumentError) -> XMLDocument {
    let result = bytes.withUnsafeBytes { buffer in
        Result { () throws(XMLDocumentError) in try XMLDocument(bytes: buffer, namespaces: namespaces) }
    }
    return try result.get()
}

@Suite struct XMLDocumentTests {
    @Test func queriesUseTheCallersPrefixesWhateverTheFileCallsThem() throws {
        let doc = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:t="http://purl.org/syndication/thread/1.0">
              <entry><title>One</title><t:in-reply-to ref="p1"/></entry>
              <entry><title>Two</title></entry>
            </feed>
            """,
            namespaces: ["atom": "http://www.w3.org/2005/Atom", "thr": "http://purl.org/syndication/thread/1.0"])
        let entries = doc.elements(try XPathExpression("/atom:feed/atom:entry"))
        #expect(entries.count == 2)
        #expect(entries.map(\.line) == [2, 3])
        #expect(doc.elements(try XPathExpression("atom:title"), from: entries[1]).first?.text == "Two")
        let reply = try #require(doc.elements(try XPathExpression("thr:in-reply-to"), from: entries[0]).first)
        #expect(reply.localName == "in-reply-to")
        #expect(reply.namespaceURI == "http://purl.org/syndication/thread/1.0")
        #expect(reply.attribute("ref") == "p1")
        #expect(reply.attribute("href") == nil)
        #expect(doc.elements(try XPathExpression("/feed/entry")).isEmpty)
        #expect(doc.root?.localName == "feed")
    }

    @Test func textJoinsTextAndCDATAAsWritten() throws {
        let doc = try parse("<a>one <b>two</b><![CDATA[ <three> ]]>&amp;&#233;</a>")
        #expect(doc.root?.text == "one two <three> &é")
    }

    @Test func malformedXMLReportsLineColumnAndReason() {
        #expect {
            _ = try parse("<a>\n  <b>\n</a>")
        } throws: { error in
            guard case XMLDocumentError.notWellFormed(let line, let column, let reason) = error else { return false }
            return line == 3 && column > 0 && reason.contains("mismatch")
        }
    }

    @Test func emptyAndBinaryInputAreRefused() {
        #expect(throws: XMLDocumentError.input(.empty)) { _ = try parse("  \n") }
        #expect(throws: XMLDocumentError.input(.binary(offset: 3))) { _ = try parse([60, 97, 62, 0, 60]) }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let doc = try parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
            <a>before &e; after</a>
            """)
        let text = try #require(doc.root?.text)
        #expect(text == "before  after")
        #expect(!text.contains("root:"))
    }

    @Test func entityBombsFailFast() {
        let laughs = (1...9).map { level in
            "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY l0 \"lol\">" + laughs.joined() + "]><a t=\"x\">&l9;</a>"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let text = try? parse(xml).root?.text
            #expect(text == nil || text == "")
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func textNodesOverTenMegabytesParseInFilesWithoutADoctype() throws {
        let big = String(repeating: "word ", count: 2_200_000)
        let doc = try parse("<?xml version=\"1.0\"?>\n<!-- export -->\n<a><![CDATA[" + big + "]]></a>")
        #expect(doc.root?.text.utf8.count == big.utf8.count)
    }

    @Test func invalidUTF8AndForbiddenControlsAreReplacedNotFatal() throws {
        let bytes = Array("<a>caf".utf8) + [0xE9] + Array(" x".utf8) + [0x0B] + Array("y</a>".utf8)
        let doc = try parse(bytes)
        #expect(doc.root?.text == "caf\u{FFFD} x\u{FFFD}y")
        #expect(doc.repairedBytes)
    }

    @Test func windows1252DeclarationIsDecodedAsBrowsersDo() throws {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".utf8) + [0x93, 0x41, 0x94, 0xE9]
            + Array("</a>".utf8)
        let doc = try parse(bytes)
        #expect(doc.root?.text == "\u{201C}A\u{201D}é")
        #expect(!doc.repairedBytes)
    }
}
