import Extraction
import Foundation
import Testing
import ThreadModel

private func extract(_ html: String) throws -> ThreadRecord {
    let extractor = try ThreadExtractor(profiles: try ProfileSet.bundled())
    return try extractor.extract(data: Data(html.utf8), source: SourceInfo(file: "generated.html")).record
}

@Suite struct HostileMarkupTests {
    /// A reply chain 1,000 deep: every comment is read once (this took 51 s when each
    /// comment's rules rescanned all replies beneath it).
    @Test func deepReplyChainsAreReadInOnePass() throws {
        let depth = 1000
        var html = #"<html><head><meta name="generator" content="WordPress 3"></head><body><ol class="commentlist">"#
        for i in 0..<depth {
            html += """
                <li class="comment depth-\(i + 1)" id="li-comment-\(i)"><article class="comment">
                <footer class="comment-meta"><div class="comment-author vcard"><span class="fn">R\(i)</span></div>
                <a href="#comment-\(i)"><time>July 1, 2011 at 1:00 pm</time></a></footer>
                <div class="comment-content"><p>text \(i)</p></div></article><ul class="children">
                """
        }
        html += String(repeating: "</ul></li>", count: depth) + "</ol></body></html>"
        let r = try extract(html)
        #expect(r.comments.count == depth)
        #expect(r.comments.map(\.depth) == Array(1...depth))
        #expect(r.comments.dropFirst().map(\.parent) == r.comments.dropLast().map { Optional($0.id) })
        #expect(r.comments.map(\.text) == (0..<depth).map { "text \($0)" })
        #expect(r.comments.map(\.author) == (0..<depth).map { "R\($0)" })
    }

    /// Classic Blogger has no replies: comments that an unclosed tag nests inside one
    /// another stay top level, each with its own text.
    @Test func unclosedTagsDoNotInventReplies() throws {
        var html = #"<html><body><div class="blogComments">"#
        for i in 0..<50 {
            html += """
                <div class="blogComment"><a name="\(i)"></a>text \(i) <div>unclosed
                <div class="byline"><a href="http://x.blogspot.com/p.html?showComment=1183910280000#c\(i)">#</a>
                posted by <a href="http://www.blogger.com/profile/\(i)">N\(i)</a> : 11:58 AM</div></div>
                """
        }
        let r = try extract(html + "</div></body></html>")
        #expect(r.comments.count == 50)
        #expect(r.comments.allSatisfy { $0.depth == 1 && $0.parent == nil })
        #expect(r.comments.map(\.author) == (0..<50).map { "N\($0)" })
        #expect(r.comments[7].text.hasPrefix("text 7\nunclosed"))
    }

    /// A rule that excludes links by `not(contains(@href,'…'))` must still run on pages
    /// that lack those strings.
    @Test func excludedLiteralsAreNotRequired() throws {
        let html = """
            <div class="blogComment"><a name="1"></a>Hello there.
            <div class="byline">posted by <a href="http://friend.example/">Friend</a> : 3:00 PM</div></div>
            """
        let r = try extract(html)
        #expect(r.comments.first?.authorURL == "http://friend.example/")
    }
}
