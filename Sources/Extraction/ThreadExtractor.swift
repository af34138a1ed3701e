internal import CByteSearch
public import Foundation
public import Markup
public import ThreadModel

/// Why a page gave no thread record. The description is a short fragment that
/// callers prefix with the file and offset.
public enum ExtractionError: Error, Sendable, CustomStringConvertible {
    case markup(MarkupError)

    public var description: String {
        switch self {
        case .markup(let error): return error.description
        }
    }

    /// A short category for counting skipped pages.
    public var kind: String {
        switch self {
        case .markup(let error): return error.kind
        }
    }
}

/// One page's extraction: the thread record plus how it was obtained.
public struct PageExtraction: Sendable {
    public var record: ThreadRecord
    /// The profile that read the comments (or identified the platform), if any.
    public var profile: String?
    /// The encoding the page was decoded with, and why.
    public var encoding: String
    public var encodingSource: EncodingSource
    /// The `href` of every link on the page, as written (empty unless the extractor
    /// was made with `collectLinks`).
    public var links: [String] = []
}

/// Turns one HTML page into a ``ThreadRecord`` using data-driven ``Profile``s.
///
/// Not thread-safe: create one per worker thread (compiled XPath expressions are
/// cached per instance). Profiles are tried on every page; the one that finds the
/// most comments wins, ties going to the higher priority. When none finds any,
/// schema.org JSON-LD comments are read, then the generic fallback looks for
/// repeated comment blocks; a page left without comments is checked for the
/// placeholder of a comment service that loads them by script (Disqus …).
public final class ThreadExtractor {
    private let profiles: [CompiledProfile]
    private let pageDefaults: CompiledPostRules
    private let dates: DateParser
    private let locale: LocaleStrings
    private let limits: ParseLimits
    private let linkQuery: XPathExpression?
    private let generic: GenericThreads
    private let hosted: HostedComments
    private let jsonLDQuery: XPathExpression
    private let languageQueries: [XPathExpression]

    /// Profile name of records read by the generic fallback.
    public static let genericProfile = "generic"
    /// Profile name of records read from schema.org JSON-LD.
    public static let jsonLDProfile = "schema-org-jsonld"

    /// - Parameter collectLinks: also list every link's `href` (for link following).
    /// - Throws: ``ProfileError`` when a rule is not valid XPath or regex.
    public init(
        profiles: ProfileSet, limits: ParseLimits = ParseLimits(), locale: LocaleStrings = .bundled,
        collectLinks: Bool = false
    ) throws {
        self.linkQuery = collectLinks ? try XPathExpression("//a/@href") : nil
        self.profiles = try profiles.profiles.map(CompiledProfile.init)
            .sorted { ($0.profile.priority, $1.profile.name) > ($1.profile.priority, $0.profile.name) }
        self.pageDefaults = try CompiledPostRules(profiles.pageDefaults, profile: "_page")
        self.dates = DateParser()
        self.locale = locale
        self.limits = limits
        self.generic = GenericThreads(dates: dates)
        self.hosted = HostedComments()
        self.jsonLDQuery = try XPathExpression("//script[contains(@type,'ld+json')]")
        self.languageQueries = try [
            "/html/@lang", "/html/@xml:lang",
            "//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']/@content",
            "//meta[@property='og:locale']/@content",
        ].map { try XPathExpression($0) }
    }

    /// Extracts the thread of one page.
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - source: where it came from (copied into the record).
    ///   - declaredEncoding: a charset from outside the page, e.g. an HTTP header.
    /// - Throws: ``ExtractionError`` when the bytes are not an HTML page.
    public func extract(bytes: UnsafeRawBufferPointer, source: SourceInfo, declaredEncoding: String? = nil)
        throws(ExtractionError) -> PageExtraction
    {
        let (document, gates, page) = try prepare(bytes: bytes, source: source, declaredEncoding: declaredEncoding)
        var trace: ProfileExplanation?
        return extract(document: document, source: source, gates: gates, page: page, trace: &trace)
    }

    /// Explains, for a `profiles` command, how ``extract(bytes:source:declaredEncoding:)``
    /// reads this page: every profile's gate, comment items and detect rule, the
    /// fallbacks' and the hosted-comments outcome, and the choice with its reason.
    /// - Throws: ``ExtractionError`` when the bytes are not an HTML page.
    public func explain(bytes: UnsafeRawBufferPointer, source: SourceInfo, declaredEncoding: String? = nil)
        throws(ExtractionError) -> ProfileExplanation
    {
        let (document, gates, page) = try prepare(bytes: bytes, source: source, declaredEncoding: declaredEncoding)
        var trace: ProfileExplanation? = ProfileExplanation(
            profiles: [], jsonLDComments: 0, genericComments: 0, genericSummary: nil, hostedService: nil, chosen: nil,
            platform: nil, reason: "")
        _ = extract(document: document, source: source, gates: gates, page: page, trace: &trace)
        return trace!
    }

    /// What the raw bytes settle before any XPath runs.
    struct ByteGates {
        /// Per profile: whether its `requires` gate passed, and the string that passed it.
        var applicable: [Bool]
        var hits: [String?]
        /// Whether the page may hold a JSON-LD script.
        var jsonLD: Bool
        /// Indices of the hosted-comment services whose byte strings occur.
        var hosted: [Int]
    }

    private func prepare(bytes: UnsafeRawBufferPointer, source: SourceInfo, declaredEncoding: String?)
        throws(ExtractionError) -> (HTMLDocument, ByteGates, PageBytes)
    {
        let document: HTMLDocument
        do {
            document = try HTMLDocument(
                bytes: bytes, url: source.url, declaredEncoding: declaredEncoding, limits: limits)
        } catch {
            throw .markup(error)
        }
        let utf16 = bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        let page = PageBytes(utf16 ? nil : bytes)
        let hits = profiles.map { profile in
            utf16 ? nil : profile.profile.requires.first { page.contains($0) }
        }
        let applicable = zip(profiles, hits).map { profile, hit in
            utf16 || profile.profile.requires.isEmpty || hit != nil
        }
        let gates = ByteGates(
            applicable: applicable, hits: hits, jsonLD: page.contains("ld+json"),
            hosted: hosted.candidates(where: page.contains))
        return (document, gates, page)
    }

    /// Byte-string search (glibc `memmem`).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            threadminer_contains(haystack.baseAddress, haystack.count, n.baseAddress, n.count) != 0
        }
    }

    /// ``extract(bytes:source:declaredEncoding:)`` for `Data`.
    public func extract(data: Data, source: SourceInfo, declaredEncoding: String? = nil) throws(ExtractionError)
        -> PageExtraction
    {
        let result: Result<PageExtraction, ExtractionError> = data.withUnsafeBytes { buffer in
            do throws(ExtractionError) {
                return .success(try extract(bytes: buffer, source: source, declaredEncoding: declaredEncoding))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// - Parameters:
    ///   - page: the raw bytes, for rule literal gates.
    ///   - trace: when not `nil`, filled with the explanation of the choice.
    private func extract(
        document: HTMLDocument, source: SourceInfo, gates: ByteGates, page: PageBytes,
        trace: inout ProfileExplanation?
    ) -> PageExtraction {
        var warnings: [String] = []
        switch document.encodingSource {
        case .windows1252Fallback:
            warnings.append("no charset declared and the bytes are not UTF-8: decoded as windows-1252")
        case _ where document.repairedInvalidUTF8:
            warnings.append("invalid UTF-8 sequences replaced by U+FFFD")
        default: break
        }
        if document.replacedBytes > 0 {
            warnings.append(
                "\(document.replacedBytes) bytes did not fit the \(document.encoding) encoding: replaced by U+FFFD")
        }
        if document.conversionFailed {
            warnings.append("bytes did not fit the \(document.encoding) encoding: text may be cut short")
        }
        let choice = choose(document, gates: gates, page: page, trace: &trace)
        let language = PageLanguage(document: document, queries: languageQueries)
        let chosen = choice.profile
        let postRules = [chosen?.post, pageDefaults].compactMap { $0 }
        var post = readPost(document, rules: postRules, page: page, captured: source.captured, language: language)
        post.url = Self.absolute(post.url, base: source.url) ?? source.url
        var drafts: [Draft] = []
        switch choice.source {
        case .profile(let items):
            if let rules = chosen?.comments { drafts = readDrafts(document, items: items, rules: rules, page: page) }
        case .jsonLD(let found):
            drafts = found.comments.map(Self.draft)
            if post.commentCountShown == nil { post.commentCountShown = found.commentCount }
        case .generic(let found):
            drafts = genericDrafts(found)
        case .none:
            break
        }
        let (comments, excerpts) = Self.separatingPingbacks(
            records(drafts, post: post, captured: source.captured, language: language))
        let pingbacks = (chosen?.pingbacks.map { readPingbacks(document, rules: $0, page: page) } ?? []) + excerpts
        var record = ThreadRecord(
            source: source, platform: chosen?.profile.platform, profile: choice.name,
            commentsHosted: comments.isEmpty ? choice.hosted : nil, post: post, comments: comments,
            pingbacks: pingbacks, warnings: warnings)
        if record.claimedCountFits == false, let shown = post.commentCountShown {
            record.warnings.append(
                "page claims \(shown) comments, \(comments.count) found (+\(pingbacks.count) pingbacks)")
        }
        let links = linkQuery.map { document.nodes($0).map(\.stringValue) } ?? []
        return PageExtraction(
            record: record, profile: choice.name, encoding: document.encoding,
            encodingSource: document.encodingSource, links: links)
    }

    // MARK: Choice

    /// What reads the page's comments.
    private struct Choice {
        enum Source {
            case profile([Node])
            case jsonLD(JSONLDComments)
            case generic(GenericOutcome)
            case none
        }

        var source: Source
        /// The profile that found the comments, or whose `detect` rules recognised the
        /// platform; its post and pingback rules are used.
        var profile: CompiledProfile?
        /// The hosted-comments service confirmed on a page without comments.
        var hosted: String?

        /// The profile name written to the record.
        var name: String? {
            switch source {
            case .jsonLD: return ThreadExtractor.jsonLDProfile
            case .generic: return ThreadExtractor.genericProfile
            case .profile, .none: return profile?.profile.name
            }
        }
    }

    /// The one choice procedure, for extraction and for ``explain(bytes:source:declaredEncoding:)``:
    /// with a trace, the steps the choice itself skips are run too and reported.
    private func choose(
        _ document: HTMLDocument, gates: ByteGates, page: PageBytes, trace: inout ProfileExplanation?
    ) -> Choice {
        let explaining = trace != nil
        var best: (profile: CompiledProfile, items: [Node])?
        var tied: String?
        for (index, profile) in profiles.enumerated() {
            var count: Int?
            if gates.applicable[index], let rules = profile.comments {
                let items = FieldReader.nodes(rules.item, in: document, page: page)
                count = items.count
                if !items.isEmpty, items.count > (best?.items.count ?? 0) {
                    best = (profile, items)
                    tied = nil
                } else if !items.isEmpty, items.count == best?.items.count {
                    tied = tied ?? profile.profile.name
                }
            }
            trace?.profiles.append(
                ProfileExplanation.Trial(
                    name: profile.profile.name, platform: profile.profile.platform, priority: profile.profile.priority,
                    requiresPassed: gates.applicable[index], requiresHit: gates.hits[index], commentItems: count,
                    detectMatched: nil))
        }
        var detected: (profile: CompiledProfile, rule: String)?
        if best == nil || explaining {
            for (index, profile) in profiles.enumerated() {
                guard let rule = profile.detect.first(where: { matches($0, document, page: page) }) else { continue }
                trace?.profiles[index].detectMatched = rule.expression.source
                if detected == nil { detected = (profile, rule.expression.source) }
                if !explaining { break }
            }
        }
        let fallbacks = best == nil || explaining
        let jsonLD = fallbacks && gates.jsonLD ? JSONLDComments(document, query: jsonLDQuery) : nil
        let found = jsonLD.map { !$0.comments.isEmpty } ?? false
        let genericOutcome = fallbacks && (!found || explaining) ? generic.find(in: document) : nil
        let hostedService =
            best == nil && !found && genericOutcome == nil || explaining
            ? hosted.confirmed(gates.hosted, in: document) : nil
        trace?.jsonLDComments = jsonLD?.comments.count ?? 0
        trace?.genericComments = genericOutcome?.comments.count ?? 0
        trace?.genericSummary = genericOutcome?.summary
        trace?.hostedService = hostedService
        let choice: Choice
        var reason: String
        if let best {
            choice = Choice(source: .profile(best.items), profile: best.profile)
            reason = "most comment items: \(best.items.count)"
            if let tied { reason += "; tie with \(tied) broken by priority" }
        } else {
            if let jsonLD, found {
                choice = Choice(source: .jsonLD(jsonLD), profile: detected?.profile)
                reason = "no profile found comments; schema.org JSON-LD holds \(jsonLD.comments.count)"
            } else if let genericOutcome {
                choice = Choice(source: .generic(genericOutcome), profile: detected?.profile)
                reason = "no profile found comments; generic fallback: \(genericOutcome.summary)"
            } else {
                choice = Choice(source: .none, profile: detected?.profile, hosted: hostedService)
                reason = "no profile, JSON-LD or generic fallback found comments"
                if let hostedService { reason += "; comments hosted by \(hostedService)" }
            }
            if let detected {
                reason += "; platform recognised by detect rule \(detected.rule) of \(detected.profile.profile.name)"
            }
        }
        trace?.chosen = choice.name
        trace?.platform = choice.profile?.profile.platform
        trace?.reason = reason
        return choice
    }

    private func matches(_ query: Query, _ document: HTMLDocument, page: PageBytes) -> Bool {
        guard page.mayMatch(query) else { return false }
        switch document.evaluate(query.expression) {
        case .nodes(let nodes): return !nodes.isEmpty
        case .boolean(let value): return value
        case .string(let value): return !value.isEmpty
        case .number(let value): return value != 0
        }
    }

    // MARK: Post

    private func readPost(
        _ document: HTMLDocument, rules: [CompiledPostRules], page: PageBytes, captured: String?, language: PageLanguage
    ) -> PostRecord {
        func first(_ keyPath: KeyPath<CompiledPostRules, [CompiledRule]>) -> String? {
            for set in rules {
                if let value = FieldReader.firstValue(set[keyPath: keyPath], in: document, page: page, from: nil) {
                    return value
                }
            }
            return nil
        }
        var post = PostRecord()
        post.url = first(\.url)
        post.title = first(\.title)
        post.author = first(\.author).map(Self.cleanAuthor)
        for set in rules {
            for rule in set.published {
                guard let raw = FieldReader.value(rule, in: document, page: page, from: nil) else { continue }
                if let parsed = dates.parse(raw, order: language.numericOrder, capturedAt: captured), parsed.hasDate {
                    post.published = parsed.iso.map { String($0.prefix(10)) }
                    post.publishedRaw = raw
                    break
                }
                if post.publishedRaw == nil { post.publishedRaw = raw }
            }
            if post.published != nil { break }
        }
        for set in rules {
            for rule in set.commentCount {
                guard let raw = FieldReader.value(rule, in: document, page: page, from: nil) else { continue }
                if let count = CommentCount.parse(raw) {
                    post.commentCountShown = count
                    break
                }
            }
            if post.commentCountShown != nil { break }
        }
        return post
    }

    // MARK: Comments

    private struct Draft {
        var parentIndex: Int?
        var id: String?
        var author: String?
        var authorURL: String?
        var publishedCandidates: [String]
        var permalink: String?
        var text: String
        var removedMarker: Bool
        var pendingMarker: Bool
        var postAuthorMarker: Bool
        var anonymousMarker: Bool
    }

    private static func draft(_ comment: JSONLDComment) -> Draft {
        Draft(
            parentIndex: comment.parent, id: nil,
            author: comment.author.map(cleanAuthor).flatMap { $0.isEmpty ? nil : $0 }, authorURL: comment.authorURL,
            publishedCandidates: [comment.published].compactMap { $0 }, permalink: nil, text: comment.text,
            removedMarker: false, pendingMarker: false, postAuthorMarker: false, anonymousMarker: false)
    }

    /// Reads the comment items a profile found.
    private func readDrafts(_ document: HTMLDocument, items: [Node], rules: CompiledCommentRules, page: PageBytes)
        -> [Draft]
    {
        let ownership = Ownership(items: items)
        let allItems = NodeSet(items)
        let enclosing = items.map { ownership.parentIndex(of: $0) }
        let parents =
            rules.depth.isEmpty ? enclosing : levelParents(document, items: items, rules: rules.depth, page: page)
        var slots: [Draft?] = Array(repeating: nil, count: items.count)
        // Last comment first, and each nested comment is detached once read, so no
        // rule run on an ancestor walks its replies again: linear, not quadratic, in
        // the nesting depth. Everything is put back before the page is used again.
        var detached: [Detachment] = []
        defer { for d in detached.reversed() { d.restore() } }
        for (index, item) in items.enumerated().reversed() {
            defer { if enclosing[index] != nil { detached.append(item.detach()) } }
            let owned = { (nodes: [Node]) in nodes.filter { ownership.owner(of: $0).map { $0 == item } ?? true } }
            func field(_ list: [CompiledRule]) -> String? {
                for rule in list {
                    if let value = FieldReader.value(rule, in: document, page: page, from: item, filter: owned) {
                        return value
                    }
                }
                return nil
            }
            func any(_ list: [Query]) -> Bool {
                list.contains { !owned(FieldReader.nodes($0, in: document, page: page, from: item)).isEmpty }
            }
            var textNodes: [Node] = []
            if let stop = rules.textBefore {
                textNodes = Self.siblingsBefore(item, until: stop, items: allItems, document: document)
            } else {
                for expression in rules.text {
                    textNodes = owned(FieldReader.nodes(expression, in: document, page: page, from: item))
                    if !textNodes.isEmpty { break }
                }
            }
            let excluded = NodeSet(
                rules.textExclude.flatMap { owned(FieldReader.nodes($0, in: document, page: page, from: item)) })
            let text = textNodes.map { $0.visibleText(excluding: [allItems, excluded]) }
                .filter { !$0.isEmpty }.joined(separator: "\n")
            var author = field(rules.author)
            for pattern in rules.authorStrip {
                author = author.map { Self.removing(pattern, from: $0) }
            }
            var anonymousMarker = false
            for pattern in rules.anonymous {
                guard let name = author else { break }
                let stripped = Self.removing(pattern, from: name)
                if stripped != name {
                    anonymousMarker = true
                    // A name that is nothing but the marker stays as the page shows it.
                    if !Self.cleanAuthor(stripped).isEmpty { author = stripped }
                }
            }
            let publishedCandidates = rules.published.compactMap {
                FieldReader.value($0, in: document, page: page, from: item, filter: owned)
            }
            slots[index] =
                (Draft(
                    parentIndex: rules.flat ? nil : parents[index], id: field(rules.id),
                    author: author.map(Self.cleanAuthor).flatMap { $0.isEmpty ? nil : $0 },
                    authorURL: field(rules.authorURL).flatMap(Self.cleanURL), publishedCandidates: publishedCandidates,
                    permalink: field(rules.permalink), text: text,
                    removedMarker: any(rules.removed), pendingMarker: any(rules.pending),
                    postAuthorMarker: any(rules.postAuthor), anonymousMarker: anonymousMarker))
        }
        return slots.map { $0! }
    }

    /// The siblings before `item`, in document order, back to (not including) the nearest
    /// one that `stop` selects from itself or that is another item (``CommentRules/textBefore``).
    private static func siblingsBefore(_ item: Node, until stop: Query, items: NodeSet, document: HTMLDocument)
        -> [Node]
    {
        var run: [Node] = []
        var sibling = item.previousSibling
        while let node = sibling, !items.contains(node), document.nodes(stop.expression, from: node).isEmpty {
            run.append(node)
            sibling = node.previousSibling
        }
        return run.reversed()
    }

    /// Drafts of the generic fallback's blocks: text without bylines and nested blocks.
    private func genericDrafts(_ found: GenericOutcome) -> [Draft] {
        let allItems = NodeSet(found.comments.map(\.node))
        return found.comments.map { comment in
            Draft(
                parentIndex: comment.parent, id: nil,
                author: comment.author.map(Self.cleanAuthor).flatMap { $0.isEmpty ? nil : $0 },
                authorURL: comment.authorURL, publishedCandidates: [comment.published].compactMap { $0 },
                permalink: nil, text: comment.node.visibleText(excluding: [allItems, NodeSet(comment.byline)]),
                removedMarker: false, pendingMarker: false, postAuthorMarker: false, anonymousMarker: false)
        }
    }

    /// Comment records from drafts: ids, depths, dates (numeric order from the page's
    /// dates, else its language), removal and pending status.
    private func records(_ drafts: [Draft], post: PostRecord, captured: String?, language: PageLanguage)
        -> [CommentRecord]
    {
        guard !drafts.isEmpty else { return [] }
        let order =
            dates.numericOrder(of: drafts.flatMap(\.publishedCandidates) + [post.publishedRaw].compactMap { $0 })
            ?? language.numericOrder
        var ids: [String] = []
        var seen = Set<String>()
        for (index, draft) in drafts.enumerated() {
            var id = draft.id ?? "p\(index + 1)"
            if seen.contains(id) { id = "\(id)-p\(index + 1)" }
            seen.insert(id)
            ids.append(id)
        }
        var depths: [Int] = []
        var records: [CommentRecord] = []
        records.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            let depth = draft.parentIndex.map { depths[$0] + 1 } ?? 1
            depths.append(depth)
            let (published, raw) = publishedValue(draft, order: order, capturedAt: captured)
            var status = CommentStatus.visible
            var text = draft.text
            if let removal = locale.removalStatus(of: text) {
                status = removal
            } else if draft.removedMarker {
                status = .deleted
            } else {
                let stripped = locale.strippingPending(from: text)
                if stripped.pending || draft.pendingMarker {
                    status = .pending
                    text = stripped.text
                }
            }
            let byName =
                post.author.map { postAuthor in
                    draft.author.map { Self.sameName($0, postAuthor) } ?? false
                } ?? false
            records.append(
                CommentRecord(
                    id: ids[index], parent: draft.parentIndex.map { ids[$0] }, position: index + 1, depth: depth,
                    author: draft.author, authorURL: draft.authorURL,
                    isPostAuthor: draft.postAuthorMarker || byName, published: published.iso,
                    publishedRaw: raw, publishedRelative: published.isRelative,
                    isAnonymous: draft.anonymousMarker || draft.author.map(locale.isAnonymousName) ?? false,
                    status: status, text: text))
        }
        return records
    }

    /// Parents from each comment's nesting level: the nearest earlier comment one level
    /// up. A comment whose level cannot be read counts as top level.
    private func levelParents(_ document: HTMLDocument, items: [Node], rules: [CompiledRule], page: PageBytes)
        -> [Int?]
    {
        var open: [(level: Int, index: Int)] = []
        return items.indices.map { index in
            let level =
                FieldReader.firstValue(rules, in: document, page: page, from: items[index]).flatMap { Int($0) } ?? 0
            while let last = open.last, last.level >= level { open.removeLast() }
            defer { open.append((level, index)) }
            return open.last?.index
        }
    }

    /// The first candidate that gives a date; failing that, the first time of day,
    /// completed from the permalink instant when that settles the date.
    private func publishedValue(_ draft: Draft, order: NumericDateOrder?, capturedAt: String?) -> (
        LocalDateTime, String?
    ) {
        var timeOnly: (LocalDateTime, String)?
        for raw in draft.publishedCandidates {
            guard let parsed = dates.parse(raw, order: order, capturedAt: capturedAt) else { continue }
            if parsed.hasDate { return (parsed, raw) }
            if timeOnly == nil { timeOnly = (parsed, raw) }
        }
        guard let (time, raw) = timeOnly else { return (LocalDateTime(), draft.publishedCandidates.first) }
        guard let permalink = draft.permalink, let ms = Self.showCommentMilliseconds(permalink),
            let completed = InstantCompletion.complete(time, epochMilliseconds: ms)
        else { return (LocalDateTime(), raw) }
        return (completed, raw)
    }

    private static let showComment = try! NSRegularExpression(pattern: #"showComment=(\d{10,13})"#)

    /// `url` resolved against `base` when it is relative (a `/blog/x` canonical link);
    /// unchanged when it is absolute or there is no base.
    static func absolute(_ url: String?, base: String?) -> String? {
        guard let url else { return nil }
        guard let base, URLComponents(string: url)?.scheme == nil, let baseURL = URL(string: base),
            let resolved = URL(string: url, relativeTo: baseURL)?.absoluteString
        else { return url }
        return resolved
    }

    static func showCommentMilliseconds(_ url: String) -> Int64? {
        let ns = url as NSString
        guard let m = showComment.firstMatch(in: url, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        return Int64(ns.substring(with: m.range(at: 1)))
    }

    // MARK: Pingbacks

    private func readPingbacks(_ document: HTMLDocument, rules: CompiledPingbackRules, page: PageBytes)
        -> [PingbackRecord]
    {
        FieldReader.nodes(rules.item, in: document, page: page).map { item in
            func field(_ list: [CompiledRule]) -> String? {
                list.lazy.compactMap { FieldReader.value($0, in: document, page: page, from: item) }.first
            }
            let published = field(rules.published).flatMap { dates.parse($0)?.iso }
            return PingbackRecord(url: field(rules.url), title: field(rules.title), published: published)
        }
    }

    /// Pingbacks shown as comments — an excerpt between `[…]` marks, or a WordPress.com
    /// "Reblogged this on …" note — moved to the pingbacks (when nothing replies to them),
    /// with the other comments renumbered in order.
    static func separatingPingbacks(_ comments: [CommentRecord]) -> ([CommentRecord], [PingbackRecord]) {
        let parents = Set(comments.compactMap(\.parent))
        var kept: [CommentRecord] = []
        var pingbacks: [PingbackRecord] = []
        for comment in comments {
            if !parents.contains(comment.id), isPingbackText(comment.text) {
                pingbacks.append(
                    PingbackRecord(
                        url: comment.authorURL, title: comment.author, published: comment.published,
                        status: comment.status))
                continue
            }
            var c = comment
            c.position = kept.count + 1
            kept.append(c)
        }
        return (kept, pingbacks)
    }

    static func isPingbackText(_ text: String) -> Bool {
        let t = text.trimmingWhiteSpace()
        let opens = t.hasPrefix("[…]") || t.hasPrefix("[...]")
        let closes = t.hasSuffix("[…]") || t.hasSuffix("[...]")
        return (opens && closes && t.count > 10) || (t.count < 400 && t.contains("Reblogged this on "))
    }

    // MARK: Cleaning

    static func cleanAuthor(_ raw: String) -> String {
        var s = raw.trimmingWhiteSpace()
        while let last = s.last, last == ":" || last == "," || last == "|" || last == "·" {
            s.removeLast()
            s = s.trimmingBlanks()
        }
        return s
    }

    static func removing(_ pattern: NSRegularExpression, from text: String) -> String {
        pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }

    static func cleanURL(_ raw: String) -> String? {
        let s = raw.trimmingWhiteSpace()
        let lower = s.lowercased()
        guard !s.isEmpty, !s.hasPrefix("#"), !lower.hasPrefix("javascript:"), !lower.hasPrefix("mailto:") else {
            return nil
        }
        return s
    }

    static func sameName(_ a: String, _ b: String) -> Bool {
        LocaleStrings.fold(a) == LocaleStrings.fold(b)
    }
}

/// Which comment item a node belongs to, and which item encloses another.
struct Ownership {
    private let index: [Node: Int]

    init(items: [Node]) {
        var index: [Node: Int] = [:]
        for (i, item) in items.enumerated() { index[item] = i }
        self.index = index
    }

    /// The nearest item that is `node` or encloses it.
    func owner(of node: Node) -> Node? {
        var current: Node? = node
        while let n = current {
            if index[n] != nil { return n }
            current = n.parent
        }
        return nil
    }

    /// The index of the nearest item strictly enclosing `item`.
    func parentIndex(of item: Node) -> Int? {
        var current = item.parent
        while let n = current {
            if let i = index[n] { return i }
            current = n.parent
        }
        return nil
    }
}

/// Parses "41 comments:", "One thought on …", "No comments:" and localised kin.
enum CommentCount {
    private static let numbered = try! NSRegularExpression(
        pattern:
            #"(\d[\d,.]*)\s+(comments?|responses?|thoughts?|replies|reply|reactions?|kommentare?|gedanken|meinungen|commentaires?|comentarios?|comentários?|commenti|reacties|opiniones|pensées)\b"#,
        options: [.caseInsensitive])
    private static let one = try! NSRegularExpression(
        pattern:
            #"^\s*(one|1|ein|eine|un|une|uno|una|um|uma|eén|één)\s+(comment|response|thought|reply|kommentar|gedanke|commentaire|comentario|comentário|commento|reactie|pensée)"#,
        options: [.caseInsensitive])
    private static let none = try! NSRegularExpression(
        pattern:
            #"^\s*(no|keine|aucun|sin|sem|nessun|geen)\s+\w*\s*(comments|responses|kommentare|commentaires?|comentarios|comentários|commenti|reacties)"#,
        options: [.caseInsensitive])
    private static let bare = try! NSRegularExpression(pattern: #"^\s*(\d{1,6})\s*$"#)

    static func parse(_ text: String) -> Int? {
        let range = NSRange(text.startIndex..., in: text)
        let ns = text as NSString
        if let m = numbered.firstMatch(in: text, range: range) {
            let digits = ns.substring(with: m.range(at: 1)).filter(\.isNumber)
            return Int(digits)
        }
        if one.firstMatch(in: text, range: range) != nil { return 1 }
        if none.firstMatch(in: text, range: range) != nil { return 0 }
        if let m = bare.firstMatch(in: text, range: range) { return Int(ns.substring(with: m.range(at: 1))) }
        return nil
    }
}
