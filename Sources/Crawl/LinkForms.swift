import ArchiveURLs
import Corpus
import Extraction
import Foundation

/// Links as a crawler inside an archive sees them: resolved against the page,
/// unwrapped from Wayback replay URLs, canonicalised, and kept when they stay on
/// the page's blog and lead to a post, a comment page or a listing.
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

    /// The page's links worth following, canonical and de-duplicated, in first-seen order.
    static func followable(_ hrefs: [String], page: String?) -> [CaptureLink] {
        guard let page, let base = URL(string: page), let host = CanonicalURL.host(page) else { return [] }
        var seen = Set<String>()
        var out: [CaptureLink] = []
        for href in hrefs {
            let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.lowercased().hasPrefix("javascript:"),
                let absolute = URL(string: trimmed, relativeTo: base)?.absoluteString
            else { continue }
            let original = WaybackURL.unwrap(absolute)
            guard CanonicalURL.host(original) == host, let target = Ids.canonicalURL(original) else { continue }
            let kind = PageClassifier.urlKind(original)
            // A comment page is its post's URL and a page number (the canonical form drops the page).
            let page = Ids.commentPage(original)
            guard kind == .post || kind == .commentPage && page > 1 || kind == .index,
                seen.insert(target + "#" + String(page)).inserted
            else { continue }
            out.append(CaptureLink(target: target, page: page, kind: kind.rawValue))
        }
        return out
    }
}
