import ArchiveURLs
import Corpus
import Extraction
import Foundation

/// Links as a crawler inside an archive sees them: resolved against the page,
/// unwrapped from Wayback replay URLs, canonicalised, and kept when they stay on
/// the page's blog and lead to a post or a further comment page.
enum LinkForms {
    /// Wayback replay pages carry `/web/<ts>/<url>` links: the record gets the originals.
    static func unwrapReplayLinks(in extraction: inout PageExtraction) {
        var record = extraction.record
        record.post.url = record.post.url.map { WaybackURL.unwrap($0) }
        for i in record.comments.indices {
            record.comments[i].authorURL = record.comments[i].authorURL.map { WaybackURL.unwrap($0) }
        }
        for i in record.pingbacks.indices {
            record.pingbacks[i].url = record.pingbacks[i].url.map { WaybackURL.unwrap($0) }
        }
        extraction.record = record
        extraction.links = extraction.links.map { WaybackURL.unwrap($0) }
    }

    /// The page's links worth following, canonical and de-duplicated, in first-seen
    /// order: links to posts and further comment pages of the page's own blog. Cheap
    /// string tests come first; only the few links that pass are canonicalised.
    static func followable(_ hrefs: [String], page: String?) -> [CaptureLink] {
        guard let page, let base = URL(string: page), let host = CanonicalURL.host(page) else { return [] }
        var tried = Set<String>()
        var seen = Set<String>()
        var out: [CaptureLink] = []
        for href in hrefs where tried.insert(href).inserted {
            // Post and comment-page URLs always hold a digit (a date, `p=12`, a page number):
            // most navigation links are dropped by this one byte scan.
            guard let first = href.first, first != "#", href.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
                !href.hasPrefix("javascript:"), !href.hasPrefix("mailto:")
            else { continue }
            // An absolute link to another host (and not a Wayback link) is not followed.
            if ByteText.contains(href, "://"), !ByteText.contains(href, "/web/"), !sameHost(href, host) { continue }
            let kind = PageClassifier.urlKind(ByteText.contains(href, "/web/") ? WaybackURL.unwrap(href) : href)
            guard kind == .post || kind == .commentPage,
                let absolute = URL(string: href, relativeTo: base)?.absoluteString
            else { continue }
            let original = WaybackURL.unwrap(absolute)
            // A comment page is its post's URL and a page number (the canonical form drops the page).
            guard CanonicalURL.host(original) == host, let view = CommentPageLink.canonicalAndPage(original) else {
                continue
            }
            let (target, page) = view
            guard kind == .post || page > 1, seen.insert(target + "#" + String(page)).inserted else { continue }
            out.append(CaptureLink(target: target, page: page, kind: kind.rawValue))
        }
        return out
    }

    /// Whether an absolute link's host is `host` (case and a `www.` aside), by string tests.
    private static func sameHost(_ href: String, _ host: String) -> Bool {
        let bytes = Array(href.utf8)
        guard let scheme = ByteText.firstIndex(of: "://", in: bytes[...]) else { return false }
        let authority = bytes[(scheme + 3)...].prefix {
            $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: ":")
        }
        var name = String(decoding: authority, as: UTF8.self).lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        // Blogger's country domains (x.blogspot.de) fold to .blogspot.com: ask the full rules.
        return name == host || ByteText.contains(name, ".blogspot.") && CanonicalURL.host(href) == host
    }
}
