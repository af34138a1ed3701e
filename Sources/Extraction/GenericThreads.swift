internal import CByteSearch
import Foundation
import Markup

/// One comment block the generic fallback found, with what its byline gave.
struct GenericComment {
    let node: Node
    /// Index of the enclosing (or indentation-parent) comment in the found list.
    var parent: Int?
    var author: String?
    var authorURL: String?
    /// The date text of the byline.
    var published: String?
    /// Byline, date and action nodes left out of the text.
    var byline: [Node]
}

/// What the generic fallback found on a page.
struct GenericOutcome {
    var comments: [GenericComment]
    /// Where, e.g. `4 blocks <li> under ol.commentlist`.
    var summary: String
}

/// Finds comments on pages no profile knows: repeated sibling blocks below a
/// comment-ish container (`#comments`, `.commentlist`, `kommentare` …) that each carry
/// a name-like byline and a date. Menus, sidebars, footers, forms and pingback
/// lists are never searched, and lists of post teasers are refused.
struct GenericThreads {
    let dates: DateParser
    /// Shared by the pages this extractor reads, one at a time.
    private let tokenClasses = TokenClasses()

    init(dates: DateParser) { self.dates = dates }

    func find(in document: HTMLDocument) -> GenericOutcome? {
        guard let root = document.rootElement else { return nil }
        var scan = GenericScan(table: ElementTable(root: root), dates: dates, tokenClasses: tokenClasses)
        return scan.run()
    }
}

/// What a class or id token says about its element, remembered across pages: a blog's
/// pages repeat the same class names, and each costs a few dozen substring tests.
private final class TokenClasses {
    struct Flags {
        /// Names a comment or comment list (``GenericScan/isHint(_:)``).
        var hint: Bool
        /// Names a list of comments (``GenericScan/isContainer(_:)``).
        var container: Bool
        /// Names page furniture never searched (``GenericScan/isExcludedToken(_:)``).
        var excluded: Bool
    }

    private var known: [Substring: Flags] = [:]
    /// Forgets everything past this many tokens, so memory stays flat on any archive.
    private static let limit = 1 << 16

    func flags(_ token: Substring) -> Flags {
        if let flags = known[token] { return flags }
        let hint = GenericScan.isHint(token)
        let flags = Flags(
            hint: hint, container: hint && GenericScan.isContainerWord(token),
            excluded: GenericScan.isExcludedToken(token))
        if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
        known[token] = flags
        return flags
    }
}

/// One page's scan: the element table, per-element evidence, and block analyses.
private struct GenericScan {
    let table: ElementTable
    let dates: DateParser
    /// Lower-cased `id` and `class` tokens per element.
    let tokens: [[Substring]]
    /// The first class without digits, which sibling blocks of one kind share.
    let kinds: [Substring?]
    /// Levels up to the nearest element (itself included) with a comment-ish token.
    let hintDistance: [Int]
    /// Levels up to the nearest element with a comments-container token.
    let containerDistance: [Int]
    /// Inside navigation, a sidebar, a footer, a form, a pingback list …
    let excluded: [Bool]
    let previousSibling: [Int]
    private var blocks: [Int: Block] = [:]

    /// The byline reading of one block.
    struct Block {
        var isComment = false
        var isTeaser = false
        /// Short units holding a date: more than one in a lone block means it wraps
        /// several comments.
        var dateUnits = 0
        var author: String?
        var authorURL: String?
        var published: String?
        var byline: [Int] = []
    }

    static let blockTags: Set<String> = [
        "div", "li", "article", "section", "dl", "dd", "ul", "ol", "tr", "table", "blockquote", "p",
    ]
    /// A unit (the largest element holding at most this much text) is read as one line.
    static let unitBytes = 160
    /// How many units at each end of a block may hold its byline.
    static let edgeUnits = 6

    init(table: ElementTable, dates: DateParser, tokenClasses: TokenClasses) {
        self.table = table
        self.dates = dates
        let count = table.nodes.count
        var tokens: [[Substring]] = []
        var kinds: [Substring?] = []
        tokens.reserveCapacity(count)
        kinds.reserveCapacity(count)
        var hint = [Int](repeating: 99, count: count)
        var container = [Int](repeating: 99, count: count)
        var excluded = [Bool](repeating: false, count: count)
        var previous = [Int](repeating: -1, count: count)
        var lastChild = [Int](repeating: -1, count: count)
        for i in 0..<count {
            let node = table.nodes[i]
            let classes = node.lowercasedAttribute("class").map(Self.words) ?? []
            let words = (node.lowercasedAttribute("id").map(Self.words) ?? []) + classes
            tokens.append(words)
            kinds.append(classes.first { !$0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } })
            let parent = table.parents[i]
            // `<html>` and `<body>` classes describe the page ("comments-open", feature flags).
            let page = table.names[i] == "html" || table.names[i] == "body"
            let flags = words.map(tokenClasses.flags)
            let selfHint = !page && flags.contains(where: \.hint)
            let selfContainer = !page && flags.contains(where: \.container)
            hint[i] = selfHint ? 0 : parent >= 0 ? min(99, hint[parent] + 1) : 99
            container[i] = selfContainer ? 0 : parent >= 0 ? min(99, container[parent] + 1) : 99
            excluded[i] =
                (parent >= 0 && excluded[parent]) || Self.excludedTags.contains(table.names[i])
                || flags.contains(where: \.excluded)
            if parent >= 0 {
                previous[i] = lastChild[parent]
                lastChild[parent] = i
            }
        }
        self.tokens = tokens
        self.kinds = kinds
        self.hintDistance = hint
        self.containerDistance = container
        self.excluded = excluded
        self.previousSibling = previous
    }

    // MARK: Choice

    mutating func run() -> GenericOutcome? {
        var groups: [Int: [String: [Int]]] = [:]
        for i in table.nodes.indices.dropFirst() where Self.blockTags.contains(table.names[i]) {
            let parent = table.parents[i]
            guard !excluded[parent], table.textBytes[i] > 0 else { continue }
            groups[parent, default: [:]][table.names[i], default: []].append(i)
        }
        var best: (parent: Int, tag: String, members: [Int], found: Int)?
        for parent in groups.keys.sorted() {
            for (tag, all) in groups[parent]!.sorted(by: { $0.key < $1.key }) {
                let blockHints = all.filter { hintDistance[$0] == 0 }.count
                let hinted = hintDistance[parent] <= 3 || blockHints * 2 >= all.count
                let members = hinted ? all : afterCommentsHeading(all)
                guard !members.isEmpty else { continue }
                let read = members.map { block($0) }
                let found = read.filter(\.isComment).count
                guard found > 0, found * 2 >= members.count,
                    found >= 2 || (containerDistance[parent] <= 3 && read.first(where: \.isComment)?.dateUnits == 1),
                    read.filter(\.isTeaser).count * 2 < found
                else { continue }
                if found > best?.found ?? 0 { best = (parent, tag, members, found) }
            }
        }
        guard let best else { return nil }
        let container = widened(best.parent)
        let kinds = Set(best.members.filter { block($0).isComment }.map { self.kinds[$0] })
        // Replies: blocks of the same tag and kind further down (inside a comment, or
        // in a wrapper beside it); never the wrappers around the comments.
        var items: [Int] = []
        var index = best.members[0]
        while index < table.ends[container] {
            if table.names[index] == best.tag, kinds.contains(self.kinds[index]), !excluded[index],
                block(index).isComment
            {
                items.append(index)
            }
            index += 1
        }
        let parents = nesting(items, container: container)
        let comments = items.enumerated().map { position, item in
            let b = block(item)
            return GenericComment(
                node: table.nodes[item], parent: parents[position], author: b.author, authorURL: b.authorURL,
                published: b.published, byline: b.byline.map { table.nodes[$0] })
        }
        return GenericOutcome(
            comments: comments, summary: "\(comments.count) blocks <\(best.tag)> under \(describe(container))")
    }

    /// The comments' container: the blocks' parent, or that parent's parent when the
    /// parent is one of several classed wrappers of one kind (`div.comment-wrapper`
    /// around each `div.comment`), so every wrapper's comment is read.
    private func widened(_ parent: Int) -> Int {
        let up = table.parents[parent]
        guard up >= 0, let kind = kinds[parent], !excluded[up] else { return parent }
        var wrappers = 0
        var k = up + 1
        while k < table.ends[up] {
            if table.names[k] == table.names[parent], kinds[k] == kind { wrappers += 1 }
            k = table.ends[k]
        }
        return wrappers >= 2 ? up : parent
    }

    /// `div#comments.comment-list`-style name of an element.
    private func describe(_ i: Int) -> String {
        let node = table.nodes[i]
        var s = table.names[i]
        if let id = node.attribute("id"), !id.isEmpty { s += "#" + id }
        if let cls = node.attribute("class") {
            s += cls.split(whereSeparator: \.isWhitespace).prefix(2).map { "." + $0 }.joined()
        }
        return s
    }

    /// The members from the first one that follows a comments heading among its
    /// previous siblings ("Comments (7)", `h2#comments`, `<a name="comments">`);
    /// none without such a heading.
    private func afterCommentsHeading(_ members: [Int]) -> [Int] {
        for (position, member) in members.enumerated() {
            var sibling = previousSibling[member]
            for _ in 0..<3 where sibling >= 0 {
                if isCommentsHeading(sibling) { return Array(members[position...]) }
                sibling = previousSibling[sibling]
            }
        }
        return []
    }

    private static let headingWords: Set<String> = [
        "comments", "comment", "responses", "reader comments", "discussion", "kommentare", "commentaires",
        "comentarios", "comentários", "commenti", "reacties", "leave a comment",
    ]

    private func isCommentsHeading(_ i: Int) -> Bool {
        let name = table.names[i]
        if name == "a" {
            return tokens[i].contains(where: Self.isContainer)
                || (table.nodes[i].attribute("name").map { Self.has(Substring($0.lowercased()), "comments") } ?? false)
        }
        guard ["h1", "h2", "h3", "h4", "h5", "h6"].contains(name), table.textBytes[i] <= 60 else { return false }
        if tokens[i].contains(where: Self.isContainer) { return true }
        let text = table.nodes[i].inlineText()
        let words = text.lowercased().split { !$0.isLetter }.joined(separator: " ")
        return Self.headingWords.contains(words) || (!words.isEmpty && CommentCount.parse(text) != nil)
    }

    // MARK: Nesting

    /// Each item's parent: the nearest enclosing item; else the item just before a
    /// wrapper the reply sits in (Drupal's `div.indented`); else the nearest earlier
    /// item one indentation level up (depth classes, `margin-left`).
    private func nesting(_ items: [Int], container: Int) -> [Int?] {
        var position: [Int: Int] = [:]
        for (p, i) in items.enumerated() { position[i] = p }
        var parents: [Int?] = []
        for item in items {
            var found: Int?
            var up = table.parents[item]
            var child = item
            while up >= 0, up != container {
                if let p = position[up] {
                    found = p
                    break
                }
                if child != item, let p = position[previousSibling[child]] {
                    found = p
                    break
                }
                child = up
                up = table.parents[up]
            }
            if found == nil, child != item, let p = position[previousSibling[child]] { found = p }
            parents.append(found)
        }
        let levels = items.map(indentation)
        guard Set(levels.compactMap { $0 }).count > 1 else { return parents }
        var open: [(level: Int, index: Int)] = []
        for (p, item) in items.enumerated() where parents[p] == nil && table.parents[item] == container {
            let level = levels[p] ?? 0
            while let last = open.last, last.level >= level { open.removeLast() }
            parents[p] = open.last?.index
            open.append((level, p))
        }
        return parents
    }

    private static let depthClass = try! NSRegularExpression(
        pattern: #"(?:depth|level|indent|nest|nesting)[-_]?(\d{1,2})\b"#)
    private static let indentStyle = try! NSRegularExpression(
        pattern: #"(?:margin|padding)-left\s*:\s*(\d{1,4})(?:\.\d+)?\s*(px|em)?"#)

    /// The block's indentation from a depth class or a left margin/padding (in
    /// pixels, an em counted as 16), on the block or its first child element.
    private func indentation(_ item: Int) -> Int? {
        for i in [item, item + 1] where i < table.ends[item] {
            let classes = tokens[i].joined(separator: " ")
            if let m = Self.depthClass.firstMatch(in: classes, range: NSRange(classes.startIndex..., in: classes)),
                let r = Range(m.range(at: 1), in: classes)
            {
                return Int(classes[r])
            }
            if let style = table.nodes[i].attribute("style")?.lowercased(),
                let m = Self.indentStyle.firstMatch(in: style, range: NSRange(style.startIndex..., in: style)),
                let r = Range(m.range(at: 1), in: style), let value = Int(style[r])
            {
                let em = Range(m.range(at: 2), in: style).map { style[$0] == "em" } ?? false
                return em ? value * 16 : value
            }
        }
        return nil
    }

    // MARK: Blocks

    private mutating func block(_ b: Int) -> Block {
        if let known = blocks[b] { return known }
        let read = readBlock(b)
        blocks[b] = read
        return read
    }

    /// Reads one block's units (the largest elements holding little text) in
    /// document order, leaving out nested blocks of the same kind. The byline is a
    /// date among the first or last few units, with a name beside it.
    private func readBlock(_ b: Int) -> Block {
        var result = Block()
        guard
            !tokens[b].contains(where: {
                Self.has($0, "pingback") || Self.has($0, "trackback") || $0 == "hentry" || $0 == "type-post"
            })
        else {
            return result
        }
        let kind = kinds[b]
        var units: [(index: Int, text: String)] = []
        var actions: [Int] = []
        var j = b + 1
        while j < table.ends[b] {
            // A block holding a form is a comment form or a page section, not a comment.
            if table.names[j] == "form" { return result }
            if table.textBytes[j] == 0 || (kind != nil && table.names[j] == table.names[b] && kinds[j] == kind) {
                j = table.ends[j]
                continue
            }
            // Comment titles ("Re: …") are headings too: only blocks not marked as comments are checked.
            if hintDistance[b] > 0, ["h1", "h2", "h3", "h4"].contains(table.names[j]), isTeaserHeading(j) {
                result.isTeaser = true
            }
            guard table.textBytes[j] <= Self.unitBytes else {
                j += 1
                continue
            }
            let text = table.nodes[j].inlineText()
            if Self.isAction(text) || (tokens[j].contains { Self.has($0, "reply") } && text.count <= 24)
                || (Self.isToolbar(text, hasControl: hasControl(j)) && dateText(text) == nil)
            {
                actions.append(j)
                if Self.readMore.contains(LocaleStrings.fold(text)) { result.isTeaser = true }
            } else {
                units.append((j, text))
            }
            j = table.ends[j]
        }
        let edges = Array(units.indices.prefix(Self.edgeUnits)) + units.indices.suffix(Self.edgeUnits)
        var date: (position: Int, unit: Int, raw: String)?
        for position in edges {
            if let raw = dateText(units[position].text) {
                date = (position, units[position].index, raw)
                break
            }
        }
        guard let date else { return result }
        result.dateUnits = units.filter { dateText($0.text) != nil }.count
        // Comment titles ("Re: …", `.comment-title`, `.subject`) in the header above the date.
        let titles = units[..<date.position].map(\.index).filter(isTitle)
        var name: (element: Int, unit: Int, text: String)?
        let near = max(0, date.position - 2)...min(units.count - 1, date.position + 2)
        for position in near where name == nil { name = authorElement(in: units[position].index) }
        if name == nil { name = nameInside(date.unit) }
        let dateUnitText = units[date.position].text
        var nameFromText: String?
        // "written by X, date" names its author before a title above it could.
        if name == nil { nameFromText = Self.nameInByline(dateUnitText, dates: dates, leadInOnly: true) }
        if name == nil, nameFromText == nil, date.position > 0, !titles.contains(units[date.position - 1].index),
            let cleaned = Self.nameLike(units[date.position - 1].text, dates: dates)
        {
            name = (units[date.position - 1].index, units[date.position - 1].index, cleaned)
        }
        if name == nil, nameFromText == nil { nameFromText = Self.nameInByline(dateUnitText, dates: dates) }
        guard let author = name?.text ?? nameFromText else { return result }
        let narrowed = bylineElement(date.unit, name: name.flatMap { $0.unit == date.unit ? $0.element : nil })
        let dateElement = narrowed?.byline ?? date.unit
        let dateRaw = narrowed?.date ?? date.raw
        var byline = [dateElement] + actions
        var bylineBytes = table.textBytes[dateElement]
        if let name, name.unit != date.unit {
            byline.append(name.unit)
            bylineBytes += table.textBytes[name.unit]
        }
        for title in titles where !byline.contains(title) {
            byline.append(title)
            bylineBytes += table.textBytes[title]
        }
        guard table.textBytes[b] - bylineBytes - actions.reduce(0, { $0 + table.textBytes[$1] }) > 0 else {
            return result
        }
        let url = name.flatMap { link(at: $0.element) }
        // Share buttons ("Facebook", "Tweet") link to the services' share endpoints.
        if let url, ["share", "intent/tweet", "/submit?"].contains(where: { url.lowercased().contains($0) }) {
            return result
        }
        // A large block that is mostly links is navigation or a list of posts.
        if table.textBytes[b] >= 400, table.linkTextBytes[b] * 2 > table.textBytes[b] { return result }
        result.isComment = true
        result.author = author
        result.authorURL = url
        result.published = Self.trimmingName(author, from: dateRaw)
        result.byline = byline.sorted()
        return result
    }

    /// The part of the date's unit that is byline: the unit itself, unless it also holds
    /// the comment's body in a block beside the date and name (a short comment in one
    /// unit with its header); then the smallest element holding the date and the name,
    /// and the date as that element's date gives it. Not when an element on the way
    /// down is a comment block itself (`div.comment`): the block being read then wraps
    /// a whole comment.
    private func bylineElement(_ unit: Int, name: Int?) -> (byline: Int, date: String)? {
        var date = unit
        var raw: String?
        var k = unit + 1
        while k < table.ends[date] {
            if table.textBytes[k] > 0, let found = dateText(table.nodes[k].inlineText()) {
                date = k
                raw = found
            }
            k += 1
        }
        guard date != unit, let raw else { return nil }
        var byline = date
        if let name {
            while byline != unit, !(byline <= name && name < table.ends[byline]) { byline = table.parents[byline] }
        }
        guard byline != unit else { return nil }
        var up = table.parents[byline]
        while up >= unit {
            if tokens[up].contains(where: Self.isBlockToken) { return nil }
            if up == unit { break }
            up = table.parents[up]
        }
        k = unit + 1
        while k < table.ends[unit] {
            if k == byline {
                k = table.ends[k]
                continue
            }
            let outside = !(k < byline && byline < table.ends[k])
            if outside, table.textBytes[k] > 0, Self.bodyTags.contains(table.names[k]) { return (byline, raw) }
            k += 1
        }
        return nil
    }

    /// A token naming a whole comment (`comment`, `comment-123`), not a part of one.
    private static func isBlockToken(_ token: Substring) -> Bool {
        isHint(token)
            && !["author", "meta", "head", "info", "byline", "profile", "user", "body", "content", "text"].contains {
                has(token, $0)
            }
    }

    private static let bodyTags: Set<String> = ["p", "div", "blockquote", "ul", "ol", "dl", "pre", "table"]

    /// A heading-like unit marked as the comment's title or subject.
    private func isTitle(_ unit: Int) -> Bool {
        for i in unit..<table.ends[unit] where table.textBytes[i] == table.textBytes[unit] {
            if tokens[i].contains(where: { Self.has($0, "title") || Self.has($0, "subject") }) { return true }
        }
        return false
    }

    /// Whether the element holds a control: a button, or a link without text
    /// (an icon) or with an action's text.
    private func hasControl(_ unit: Int) -> Bool {
        for i in unit..<table.ends[unit] where ["a", "button"].contains(table.names[i]) {
            if table.names[i] == "button" || table.textBytes[i] == 0 { return true }
        }
        return false
    }

    /// An element in `unit` marked as the author (`.author`, `.name`, `.user`, `cite` …)
    /// whose text is name-like.
    private func authorElement(in unit: Int) -> (element: Int, unit: Int, text: String)? {
        for i in unit..<table.ends[unit] where table.textBytes[i] > 0 {
            guard table.names[i] == "cite" || tokens[i].contains(where: Self.isAuthorToken) else { continue }
            if let name = Self.nameLike(table.nodes[i].inlineText(), dates: dates) { return (i, unit, name) }
        }
        return nil
    }

    /// A link or emphasised phrase inside the date's unit whose text is name-like.
    private func nameInside(_ unit: Int) -> (element: Int, unit: Int, text: String)? {
        for i in (unit + 1)..<table.ends[unit] where table.textBytes[i] > 0 {
            guard ["a", "strong", "b", "span", "em"].contains(table.names[i]) else { continue }
            if let name = Self.nameLike(table.nodes[i].inlineText(), dates: dates) { return (i, unit, name) }
        }
        return nil
    }

    /// The `href` of the element or of the first link in it.
    private func link(at i: Int) -> String? {
        var up = i
        // A name inside its link (`<a><span class="name">…`) takes the link's address.
        for _ in 0..<2 where table.names[up] != "a" && table.parents[up] >= 0 {
            if table.names[table.parents[up]] == "a" { up = table.parents[up] }
        }
        for k in up..<table.ends[up] where table.names[k] == "a" {
            return table.nodes[k].attribute("href").flatMap(ThreadExtractor.cleanURL)
        }
        return nil
    }

    /// A heading that links to another page (not a comment anchor) with a
    /// title-length text: a post teaser.
    private func isTeaserHeading(_ h: Int) -> Bool {
        for k in h..<table.ends[h] where table.names[k] == "a" {
            guard let href = table.nodes[k].attribute("href")?.lowercased(), !href.contains("#"),
                !href.contains("comment")
            else { continue }
            let words = table.nodes[k].inlineText().split(whereSeparator: \.isWhitespace).count
            if words >= 4 { return true }
        }
        return false
    }

    // MARK: Text tests

    /// The date in a short text: the first `|`/`·`-separated segment that parses with
    /// a day and a month (a year is often left out: "Monday July 23, @10:27PM"), else
    /// a relative date ("3 days ago"). A time of day alone is not enough.
    func dateText(_ text: String) -> String? {
        guard text.utf8.count <= 160, Self.hasNumber(text) else { return nil }
        let segments = text.unicodeScalars.split(omittingEmptySubsequences: false) {
            $0 == "|" || $0 == "·" || $0 == "•"
        }
        .map { Substring($0).trimmingBlanks() }.filter { !$0.isEmpty }
        // Any day/month order will do to tell a date; the page's order is applied later.
        for segment in segments where Self.hasNumber(segment) {
            if let parsed = dates.parse(segment, order: .dayFirst), parsed.month != nil, parsed.day != nil {
                return segment
            }
        }
        return segments.first(where: Self.isRelative)
    }

    /// `text.contains(where: \.isNumber)`, answered from the bytes when they hold an ASCII
    /// digit or are all ASCII.
    static func hasNumber(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && text.contains(where: \.isNumber)
    }
    private static let relative = try! NSRegularExpression(
        pattern:
            #"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten|jahren)\b|\bil y a\s+\d+"#,
        options: [.caseInsensitive])

    static func isRelative(_ text: String) -> Bool {
        // Every form holds "ago", "vor" or "il y a": most texts are answered without the regex.
        relativeWords.occurs(in: Substring(text.lowercased()))
            && relative.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static let relativeWords = NeedleList(["ago", "vor", "il y a"])

    private static let actions: Set<String> = [
        "reply", "reply ↓", "reply to this comment", "report", "report abuse", "report comment", "permalink", "link",
        "quote", "like", "flag", "edit", "delete", "share", "antworten", "melden", "zitieren", "répondre", "signaler",
        "responder", "responder a este comentario", "denunciar", "rispondi", "segnala", "reageer", "beantwoorden",
        "reply to comment", "parent", "top", "login to reply", "log in to reply", "log in to reply.",
    ]
    private static let readMore: Set<String> = [
        "read more", "read more »", "read more...", "read more…", "continue reading", "continue reading →",
        "continue reading »", "weiterlesen", "mehr lesen", "lire la suite", "leer más", "ler mais", "leggi tutto",
        "lees verder", "more »", "(more…)", "[…]", "[...]",
    ]

    /// Link texts of share buttons and page furniture that stand where a name could.
    private static let notNames: Set<String> = [
        "facebook", "twitter", "email", "e-mail", "print", "share", "tweet", "google+", "pinterest", "linkedin", "rss",
        "view profile", "home", "comments", "comment", "permalink", "admin", "more", "login", "log in", "register",
        "stumbleupon", "tumblr", "instapaper", "reddit", "digg", "delicious", "whatsapp", "posted", "posted on",
        "posted at", "published", "published on", "written on", "updated",
    ]

    static func isAction(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let folded = LocaleStrings.fold(text)
        let bare = folded.trimming { "[]()»→ ".unicodeScalars.contains($0) }
        return bare.isEmpty || actions.contains(bare) || readMore.contains(folded)
    }

    /// Words of per-comment toolbars ("Recommend? (3)", "Report", "Share", "Link to this
    /// comment", vote arrows) and the fillers between them.
    private static let toolbarWords: Set<String> = [
        "reply", "replies", "responses", "response", "report", "abuse", "share", "close", "permalink", "recommend",
        "recommended", "recommendations", "tweet", "like", "likes", "unlike", "dislike", "flag", "vote", "votes",
        "upvote", "downvote", "quote", "edit", "delete", "cancel", "embed", "antworten", "melden", "zitieren",
        "teilen", "empfehlen", "répondre", "signaler", "partager", "responder", "denunciar", "compartir", "rispondi",
        "segnala", "condividi", "reageer", "beantwoorden", "delen",
    ]
    private static let toolbarFillers: Set<String> = [
        "link", "to", "this", "comment", "comments", "up", "down", "it", "the", "a", "or", "points", "point",
    ]

    /// A short run of action links and counts: every word an action, a filler or a
    /// number, with an action word among them or a control (icon link, button) in it.
    static func isToolbar(_ text: String, hasControl: Bool) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        var words = 0
        var action = false
        let allToolbar = Self.forEachLetterRun(in: LocaleStrings.fold(text)) { word in
            words += 1
            if word.allSatisfy(\.isNumber) || toolbarFillers.contains(word) { return true }
            guard toolbarWords.contains(word) else { return false }
            action = true
            return true
        }
        return allToolbar && words > 0 && (action || hasControl)
    }

    /// Calls `body` with each run of letters and digits in `text`, as `split { !$0.isLetter
    /// && !$0.isNumber }` on its characters gives them, read scalar by scalar (a combining
    /// mark stays with the scalar before it), until `body` returns `false`.
    /// - Returns: `false` when `body` stopped the walk.
    static func forEachLetterRun(in text: String, _ body: (String) -> Bool) -> Bool {
        var run: [UInt8] = []
        var inRun = false
        for scalar in text.unicodeScalars {
            let inWord: Bool
            if scalar.isASCII {
                let v = scalar.value
                inWord = (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x30...0x39).contains(v)
            } else {
                let p = scalar.properties
                let mark =
                    [.nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory)
                    || scalar.value == 0x200D
                inWord = mark ? inRun : (p.isAlphabetic || p.numericType != nil)
            }
            if inWord {
                UTF8.encode(scalar) { run.append($0) }
            } else if inRun {
                guard body(String(decoding: run, as: UTF8.self)) else { return false }
                run.removeAll(keepingCapacity: true)
            }
            inRun = inWord
        }
        return inRun ? body(String(decoding: run, as: UTF8.self)) : true
    }

    /// The words ``leadIn`` can start with: a text starting with none of them is not searched.
    private static let leadWords = [
        "posted", "written", "submitted", "comment", "geschrieben", "publié", "publicado", "inviato", "geplaatst",
        "by", "von", "par", "por", "da", "door",
    ]
    private static let leadIn = try! NSRegularExpression(
        pattern:
            #"^(?:(?:posted|written|submitted|comment(?:ed)?|geschrieben|publié|publicado|inviato|geplaatst)\s+)?(?:by|von|par|por|da|door)\s*:?\s+"#,
        options: [.caseInsensitive])
    /// Words that end a byline before the comment ("X says:"), as ``tailOff`` lists them.
    private static let tailWords = [
        "says", "said", "wrote", "writes", "schreibt", "schrieb", "meint", "sagt", "dit", "a dit", "a écrit",
        "escribió", "dijo", "disse", "scrive", "ha scritto", "schreef", "zegt",
    ]

    /// `text` without a ``tailOff`` tail ("says:", a trailing `:` or `|`). The regex runs
    /// only when the text's end can hold one: on a long text it costs far more than the test.
    static func removingTail(_ text: String) -> String {
        let end = text.trimming(WhiteSpace.isWhiteSpace).lowercased()
        guard let last = end.last,
            [":", ",", "|", ".", "…"].contains(last) || tailWords.contains(where: end.hasSuffix)
        else { return text }
        return tailOff.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }

    private static let tailOff = try! NSRegularExpression(
        pattern:
            #"\s*(?:says|said|wrote|writes|schreibt|schrieb|meint|sagt|dit|a dit|a écrit|escribió|dijo|disse|scrive|ha scritto|schreef|zegt)\s*(?:\.\.\.|…|:)?\s*$|\s*[:,|]\s*$"#,
        options: [.caseInsensitive])

    /// `text` as a commenter's name: lead-ins ("Posted by") and tails ("says:")
    /// removed; nil unless one to six words with a letter and no date.
    static func nameLike(_ text: String, dates: DateParser) -> String? {
        var s = text.trimmingWhiteSpace()
        let head = s.prefix(12).lowercased()
        if leadWords.contains(where: head.hasPrefix) {
            s = leadIn.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
        }
        s = Self.removingTail(s)
        s = s.trimmingBlanks()
        let words = s.split(whereSeparator: \.isWhitespace).count
        guard (1...6).contains(words), s.count <= 50, s.contains(where: \.isLetter), !isAction(s),
            !notNames.contains(s.lowercased()), dates.parse(s) == nil, !isRelative(s)
        else { return nil }
        return s
    }

    private static let bylineName = try! NSRegularExpression(
        pattern:
            #"^(?:(?:posted|written|submitted|comment(?:ed)?)\s+)?(?:by|von|par|por|door)\s*:?\s+(.+?)\s*(?:\||·|•|,|\bon\b|\bat\b|\bam\b|\ble\b|\bel\b|@|—|–| - |$)|^(.+?)\s+(?:says|said|wrote|schreibt|on|am|le|el)\b"#,
        options: [.caseInsensitive])

    /// The name in a one-line byline: "Posted by X | date", "by X on date", "X said …".
    /// With `leadInOnly`, only the "by X" form.
    static func nameInByline(_ text: String, dates: DateParser, leadInOnly: Bool = false) -> String? {
        let ns = text as NSString
        guard let m = bylineName.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else {
            return nil
        }
        for group in 1...(leadInOnly ? 1 : 2) where m.range(at: group).location != NSNotFound {
            return nameLike(ns.substring(with: m.range(at: group)), dates: dates)
        }
        return nil
    }

    /// The date text with the author's name and joining words in front of it removed.
    static func trimmingName(_ name: String, from raw: String) -> String {
        guard let range = raw.range(of: name) else { return raw }
        let rest = raw[range.upperBound...].trimming { nameJoiners.contains($0) || WhiteSpace.isBlank($0) }
        let joined = joiningWord.stringByReplacingMatches(
            in: rest, range: NSRange(rest.startIndex..., in: rest), withTemplate: "")
        let tail = removingTail(joined)
        return tail.isEmpty ? raw : tail
    }

    private static let nameJoiners: Set<Unicode.Scalar> = [" ", "|", ",", ":", "-", "–", "—", "·", "•", "@"]
    private static let joiningWord = try! NSRegularExpression(
        pattern: #"^(?:says|said|wrote|on|at|am|le|el)\b\s*:?\s*"#, options: [.caseInsensitive])

    // MARK: Tokens

    /// Words of a lower-cased attribute value.
    private static func words(_ value: String) -> [Substring] {
        guard !value.isEmpty else { return [] }
        // Split on ASCII whitespace bytes: a Character split is several times slower.
        return value.utf8.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.map { Substring($0) }
    }

    /// Byte search in a token (glibc `memmem`; Foundation's `contains` is far slower).
    static func has(_ token: Substring, _ needle: String) -> Bool {
        var needle = needle
        return token.utf8.withContiguousStorageIfAvailable { t in
            needle.withUTF8 { n in threadminer_contains(t.baseAddress, t.count, n.baseAddress, n.count) != 0 }
        } ?? token.contains(needle)
    }

    private static let hints = NeedleList([
        "comment", "kommentar", "commentaire", "comentario", "comentário", "commento", "reactie", "discussion",
        "responses", "reply", "replies",
    ])
    private static let notHints = NeedleList([
        "form", "respond", "link", "count", "feed", "closed", "open", "nocomment", "no-comment", "rss",
    ])
    private static let containers = NeedleList([
        "comments", "commentlist", "comment-list", "comment_list", "commentlisting", "responses", "discussion",
        "kommentare", "commentaires", "comentarios", "comentários", "commenti", "reacties",
    ])

    static func isHint(_ token: Substring) -> Bool {
        // WordPress post classes name categories and tags: `category-for-discussion`.
        guard !token.hasPrefix("category-"), !token.hasPrefix("tag-") else { return false }
        return hints.occurs(in: token) && !notHints.occurs(in: token)
    }

    static func isContainer(_ token: Substring) -> Bool { isHint(token) && isContainerWord(token) }

    /// A token holding a comment-list word (`commentlist`, `kommentare`); a container
    /// when it is a hint too.
    static func isContainerWord(_ token: Substring) -> Bool { containers.occurs(in: token) }

    static let excludedTags: Set<String> = ["nav", "aside", "footer", "header", "form", "menu", "select"]

    private static let excludedParts = NeedleList([
        "sidebar", "widget", "menu", "navbar", "navigation", "breadcrumb", "footer", "masthead", "related",
        "recent", "popular", "latest", "archive", "blogroll", "tagcloud", "pingback", "trackback", "respond",
        "commentform", "comment-form",
    ])

    static func isExcludedToken(_ token: Substring) -> Bool {
        excludedParts.occurs(in: token) || token == "nav" || token.hasPrefix("nav-")
            || token.hasPrefix("nav_") || token == "header" || token.hasPrefix("header")
            || token.hasPrefix("site-header")
    }

    static func isAuthorToken(_ token: Substring) -> Bool {
        guard !notAuthorWords.occurs(in: token) else { return false }
        return authorWords.occurs(in: token) || token == "fn" || token == "by"
    }

    private static let notAuthorWords = NeedleList(["avatar", "date", "time"])
    private static let authorWords = NeedleList(["author", "name", "user", "nick", "commenter", "poster"])
}

/// A fixed list of strings searched for in short tokens (class names, ids) in one pass
/// over the token's bytes: only positions whose byte starts some needle are compared.
struct NeedleList: Sendable {
    private let needles: [[UInt8]]
    /// Bit `b` set when some needle starts with byte `b`.
    private let firstBytes: [UInt64]

    init(_ needles: [String]) {
        self.needles = needles.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var bits = [UInt64](repeating: 0, count: 4)
        for needle in self.needles { bits[Int(needle[0] >> 6)] |= 1 << UInt64(needle[0] & 63) }
        firstBytes = bits
    }

    /// Whether any needle occurs in `token`.
    func occurs(in token: Substring) -> Bool {
        if let found = token.utf8.withContiguousStorageIfAvailable({ search($0) }) { return found }
        return Array(token.utf8).withUnsafeBufferPointer { search($0) }
    }

    private func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstBytes.withUnsafeBufferPointer { first in
            for start in bytes.indices where first[Int(bytes[start] >> 6)] & (1 << UInt64(bytes[start] & 63)) != 0 {
                let room = bytes.count - start
                for needle in needles where needle.count <= room && needle[0] == bytes[start] {
                    var k = 1
                    while k < needle.count, needle[k] == bytes[start + k] { k += 1 }
                    if k == needle.count { return true }
                }
            }
            return false
        }
    }
}
