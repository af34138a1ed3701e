import ArchiveURLs
import Testing

@Suite struct CanonicalURLTests {
    @Test(arguments: [
        // Scheme, host and port.
        ("https://www.Example.COM/2011/07/post.html", "http://example.com/2011/07/post.html"),
        ("HTTP://EXAMPLE.com", "http://example.com/"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com:80/a", "http://example.com:80/a"),
        ("http://example.com:/a", "http://example.com/a"),
        ("http://user:secret@example.com/a", "http://example.com/a"),
        ("http://example.com./a", "http://example.com/a"),
        ("http://www.com/", "http://www.com/"),
        ("http://[2001:DB8::1]:8080/a/", "http://[2001:db8::1]:8080/a"),
        ("http://[::1]/", "http://[::1]/"),
        ("http://m.example.com/a", "http://m.example.com/a"),
        ("http://myblog.blogspot.co.uk/2011/07/post.html", "http://myblog.blogspot.com/2011/07/post.html"),
        ("http://myblog.blogspot.de/2011/07/post.html?m=1", "http://myblog.blogspot.com/2011/07/post.html"),
        ("http://myblog.blogspot.com.br/", "http://myblog.blogspot.com/"),
        ("http://bücher.de/a", "http://bücher.de/a"),
        ("http://xn--bcher-kva.de/a", "http://xn--bcher-kva.de/a"),
        // Path.
        ("http://example.com", "http://example.com/"),
        ("http://example.com/2011/07/post.html/", "http://example.com/2011/07/post.html"),
        ("http://example.com/about/", "http://example.com/about"),
        ("http://example.com/a//", "http://example.com/a"),
        ("http://example.com/a/./b/../c", "http://example.com/a/c"),
        ("http://example.com/a/b/..", "http://example.com/a"),
        ("http://example.com/../../a", "http://example.com/a"),
        ("http://example.com/a/%2E%2E/b", "http://example.com/b"),
        ("http://example.com/%7Euser/", "http://example.com/~user"),
        ("http://example.com/%7euser/%2fx%3a", "http://example.com/~user/%2Fx%3A"),
        ("http://example.com/caf%c3%a9", "http://example.com/caf%C3%A9"),
        ("http://example.com/café", "http://example.com/caf%C3%A9"),
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("http://example.com/100%", "http://example.com/100%25"),
        ("http://example.com/%zz", "http://example.com/%25zz"),
        ("http://example.com\\a\\b", "http://example.com/a/b"),
        (" http://example.com/a\n/b ", "http://example.com/a/b"),
        ("http:///example.com/a", "http://example.com/a"),
        ("http://example.com/shop;jsessionid=0A1B2C/item", "http://example.com/shop/item"),
        ("http://example.com/item;JSESSIONID=0A1B;v=2", "http://example.com/item;v=2"),
        // WordPress comment pages.
        ("http://example.com/2011/07/post-slug/comment-page-3/", "http://example.com/2011/07/post-slug"),
        ("http://example.com/post-slug/comment-page-3/#comments", "http://example.com/post-slug"),
        ("http://example.com/post-slug/comment-page-x/", "http://example.com/post-slug/comment-page-x"),
        // Query.
        ("http://example.com/?p=12", "http://example.com/?p=12"),
        ("http://example.com/?p=13&cpage=2#comments", "http://example.com/?p=13"),
        ("http://example.com/a?", "http://example.com/a"),
        ("http://example.com/a?&&", "http://example.com/a"),
        ("http://example.com/a?b=2&a=1", "http://example.com/a?b=2&a=1"),
        ("http://example.com/a?utm_source=x&id=3&UTM_Medium=y", "http://example.com/a?id=3"),
        ("http://example.com/a?fbclid=1&gclid=2&PHPSESSID=3&sid=4&jsessionid=5&zenid=6", "http://example.com/a"),
        ("http://example.com/a?amp=1&amp", "http://example.com/a"),
        (
            "http://example.com/2011/07/post.html?showComment=1311515100000#c6303552741019488700",
            "http://example.com/2011/07/post.html"
        ),
        ("http://example.com/post?replytocom=45#respond", "http://example.com/post"),
        ("http://example.com/post.html?commentPage=2", "http://example.com/post.html"),
        ("http://example.com/2011/07/post.html?m=0", "http://example.com/2011/07/post.html"),
        ("http://example.com/?m=201107", "http://example.com/?m=201107"),
        ("http://example.com/?s=a+b%7e%2b", "http://example.com/?s=a+b~%2B"),
        ("http://example.com/?q=é", "http://example.com/?q=%C3%A9"),
        ("http://example.com/?a[]=1", "http://example.com/?a[]=1"),
    ])
    func canonical(input: String, expected: String) {
        #expect(CanonicalURL.canonical(input) == expected)
    }

    @Test(arguments: [
        "", "   ", "example.com/a", "/2011/07/post.html", "//example.com/a", "ftp://example.com/a",
        "mailto:someone@example.com", "javascript:void(0)", "http://", "http:", "http://exa mple.com/",
        "http://example.com:99999/", "http://example.com:8o/", "http://[::1/", "http://a..b/", "http://%41.com/",
        "http://example.com:-1/", "\u{0}\u{1}", "http://\u{0}/",
    ])
    func notAbsoluteHTTP(input: String) {
        #expect(CanonicalURL.canonical(input) == nil)
        #expect(CanonicalURL.host(input) == nil)
    }

    @Test(arguments: [
        ("https://WWW.Example.com:8080/a", "example.com"),
        ("http://myblog.blogspot.fr/", "myblog.blogspot.com"),
        ("http://[2001:DB8::1]/", "[2001:db8::1]"),
        ("http://www.example.co.uk./", "example.co.uk"),
    ])
    func host(input: String, expected: String) {
        #expect(CanonicalURL.host(input) == expected)
    }

    @Test func sameResourceSameURL() {
        let forms = [
            "http://example.com/2011/07/post.html", "https://www.example.com/2011/07/post.html/",
            "http://EXAMPLE.com:80/2011/07/./post.html#comments",
            "http://example.com/2011/07/post.html?utm_source=feed",
            "http://example.com/2011/07/p%6Fst.html?m=1",
        ]
        #expect(Set(forms.compactMap(CanonicalURL.canonical)).count == 1)
        #expect(
            CanonicalURL.canonical("http://example.com/?p=12") != CanonicalURL.canonical("http://example.com/?p=13"))
    }

    @Test func canonicalIsIdempotent() {
        let inputs = [
            "https://www.example.com/a/../b/?x=1&utm_source=y#f", "http://example.com/café?q=a b",
            "http://example.com/100%", "http://[::1]:8080/", "http://example.com/post/comment-page-2/",
        ]
        for input in inputs {
            let once = CanonicalURL.canonical(input)
            #expect(once.flatMap(CanonicalURL.canonical) == once)
        }
    }

    @Test func arbitraryInputNeverCrashes() {
        var generator = SplitMix(seed: 7)
        let alphabet = Array("htps:/?#&=%;.@[]:wWm0123456789abcé \\\u{0}\n")
        for _ in 0..<3000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            for candidate in [text, "http://" + text, "https://example.com/" + text] {
                if let canonical = CanonicalURL.canonical(candidate) {
                    #expect(canonical.hasPrefix("http://"))
                }
                _ = CommentPageLink(candidate)
                _ = WaybackURL(candidate)
                _ = WaybackURL.unwrap("/web/" + text)
            }
        }
    }
}

/// A deterministic pseudo-random sequence for robustness tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
