import Foundation
import Markup
import Testing

@testable import Extraction

/// `Query.optimized`: class-token tests become `has-class('x')` and `//x[…]` becomes
/// `/descendant::x[…]`, only where the two forms select the same nodes.
@Suite struct QueryRewriteTests {
    @Test(arguments: [
        ("//li[@id]", "/descendant::li[@id]"),
        ("//li[@id] | //div[@class='c']", "/descendant::li[@id] | /descendant::div[@class='c']"),
        (".//a[not(@rel)]//span", "./descendant::a[not(@rel)]/descendant::span"),
        ("//*[@id='comments']/h3[1]", "/descendant::*[@id='comments']/h3[1]"),
        ("//*[@id='c']//h4[1]", "/descendant::*[@id='c']//h4[1]"),
        ("//p[last()]", "//p[last()]"),
        ("//p[position() > 1]", "//p[position() > 1]"),
        ("//p[count(a)]", "//p[count(a)]"),
        ("//p[count(a) > 1]", "/descendant::p[count(a) > 1]"),
        ("//p[string-length(@id)>8 and @id]", "/descendant::p[string-length(@id)>8 and @id]"),
        ("//p[@n][2]", "//p[@n][2]"),
        ("(//p)[1]", "(/descendant::p)[1]"),
        ("//@href", "//@href"),
        ("//text()", "//text()"),
        ("//following-sibling::p", "//following-sibling::p"),
        ("//*[contains(@href,'http://x//y')]", "/descendant::*[contains(@href,'http://x//y')]"),
        ("//a[@href='//cdn']", "/descendant::a[@href='//cdn']"),
    ])
    func rewrite(source: String, expected: String) {
        #expect(Query.descendantForm(source) == expected)
    }

    @Test(arguments: [
        (
            "//li[(contains(@class,'comment') and contains(concat(' ',normalize-space(@class),' '),' comment '))]",
            "//li[has-class('comment')]"
        ),
        ("//*[contains(concat(' ',normalize-space(@class),' '),' fb-comments ')]", "//*[has-class('fb-comments')]"),
        (
            "//p[(contains(@class,'a') and contains(concat(' ',normalize-space(@class),' '),' b '))]",
            "//p[(contains(@class,'a') and has-class('b'))]"
        ),
        (
            "//p[contains(concat(' ',normalize-space(@class),' '),' two words ')]",
            "//p[contains(concat(' ',normalize-space(@class),' '),' two words ')]"
        ),
        ("//p[contains(@class,'x')]", "//p[contains(@class,'x')]"),
    ])
    func classTest(source: String, expected: String) {
        #expect(Query.classTests(source) == expected)
    }

    @Test(arguments: [
        (
            "//li[starts-with(@id,'comment-') and string-length(@id)>8 and translate(substring(@id,9),'0123456789','')='']",
            "//li[numbered-id('comment-')]"
        ),
        (
            "//li[starts-with(@id,'c') and string-length(@id)>2 and translate(substring(@id,3),'0123456789','')='']",
            "//li[starts-with(@id,'c') and string-length(@id)>2 and translate(substring(@id,3),'0123456789','')='']"
        ),
    ])
    func numberedIDTest(source: String, expected: String) {
        #expect(Query.numberedIDTests(source) == expected)
    }

    /// A profile may call the functions itself; their arguments gate the rule like the
    /// attribute literals they stand for.
    @Test func functionArgumentsAreRequiredLiterals() {
        #expect(Query.requiredLiterals("//div[has-class('comment-body')]/p") == ["comment-body"])
        #expect(Query.requiredLiterals("//li[numbered-id('comment-')][@id='x']") == ["comment-", "x"])
        #expect(Query.requiredLiterals("//li[has-class('a') or has-class('b')]").isEmpty)
    }

    /// Every XPath of every bundled profile selects the same nodes (or value) in both
    /// forms on every fixture page.
    @Test func bundledProfilesSelectTheSameNodesOnEveryFixture() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let profiles = folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Extraction/Profiles")
        var expressions: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: profiles.path) where file.hasSuffix(".json") {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: profiles.appendingPathComponent(file)))
            collect(json, into: &expressions)
        }
        let rewritten = expressions.filter { Query.optimized($0) != $0 }
        #expect(rewritten.count > 100)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Fixtures").path)
            .filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count > 20)
        var compared = 0
        for page in pages {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("Fixtures").appendingPathComponent(page))
            let document = try bytes.withUnsafeBytes { try HTMLDocument(bytes: $0) }
            for source in rewritten.sorted() {
                let original = try XPathExpression(source)
                let fast = try XPathExpression(Query.optimized(source))
                let same = Self.same(document.evaluate(original), document.evaluate(fast))
                #expect(same, "\(page): \(source)")
                compared += 1
            }
        }
        #expect(compared == pages.count * rewritten.count)
    }

    /// Strings in a profile that are XPath expressions with a `//` or a class test.
    private func collect(_ json: Any, into expressions: inout Set<String>) {
        switch json {
        case let s as String where (s.contains("//") || s.contains("@class")) && !s.hasPrefix("http"):
            expressions.insert(s)
        case let a as [Any]: for v in a { collect(v, into: &expressions) }
        case let d as [String: Any]: for v in d.values { collect(v, into: &expressions) }
        default: break
        }
    }

    private static func same(_ a: XPathValue, _ b: XPathValue) -> Bool {
        switch (a, b) {
        case (.nodes(let x), .nodes(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.number(let x), .number(let y)): x == y || (x.isNaN && y.isNaN)
        case (.boolean(let x), .boolean(let y)): x == y
        default: false
        }
    }
}
