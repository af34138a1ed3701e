internal import CByteSearch
import Foundation
import Markup

/// A compiled XPath plus the attribute literals it cannot match without: when the
/// expression has no `or` / `|`, every `contains(@class,'x')` / `@id='x'` literal
/// must occur in the raw page, so a page lacking one is answered without a tree walk.
struct Query {
    let expression: XPathExpression
    let literals: [String]

    init(_ source: String, profile: String) throws {
        do {
            expression = try XPathExpression(Self.optimized(source))
        } catch {
            throw ProfileError(file: profile, reason: MarkupError.invalidXPath(source).description)
        }
        literals = Self.requiredLiterals(source)
    }

    /// `source` rewritten to select the same nodes faster: class-token and numbered-id
    /// tests as ``classTests(_:)`` and ``numberedIDTests(_:)`` give them, then
    /// ``descendantForm(_:)``.
    static func optimized(_ source: String) -> String { descendantForm(numberedIDTests(classTests(source))) }

    /// `starts-with(@id,'p') and string-length(@id)>N and translate(substring(@id,N+1),'0123456789','')=''`
    /// (N the length of `p`) as `numbered-id('p')`: one call per element instead of four.
    static func numberedIDTests(_ source: String) -> String {
        guard source.contains("translate(substring(@id,") else { return source }
        let ns = source as NSString
        var result = source
        for match in numberedID.matches(in: source, range: NSRange(location: 0, length: ns.length)).reversed() {
            let prefix = ns.substring(with: match.range(at: 1))
            guard Int(ns.substring(with: match.range(at: 2))) == prefix.utf8.count,
                Int(ns.substring(with: match.range(at: 3))) == prefix.utf8.count + 1,
                let range = Range(match.range, in: result)
            else { continue }
            result.replaceSubrange(range, with: "numbered-id('\(prefix)')")
        }
        return result
    }

    private static let numberedID = try! NSRegularExpression(
        pattern: #"starts-with\(@id,'([A-Za-z0-9_\-:.]+)'\) and string-length\(@id\)>(\d+) and "#
            + #"translate\(substring\(@id,(\d+)\),'0123456789',''\)=''"#)

    /// The usual spellings of a class-token test, `contains(concat(' ',normalize-space(@class),' '),' x ')`
    /// with or without a `contains(@class,'x') and` in front, as `has-class('x')`: one
    /// function call per element instead of three strings built.
    static func classTests(_ source: String) -> String {
        guard source.contains("normalize-space(@class)") else { return source }
        let ns = source as NSString
        let range = NSRange(location: 0, length: ns.length)
        let paired = Self.pairedClassTest.stringByReplacingMatches(
            in: source, range: range, withTemplate: "has-class('$1')")
        let pairedRange = NSRange(location: 0, length: (paired as NSString).length)
        return Self.classTest.stringByReplacingMatches(in: paired, range: pairedRange, withTemplate: "has-class('$1')")
    }

    /// A class token the rewrite handles: no white space, quotes or entities.
    private static let classToken = #"([A-Za-z0-9_\-:.]+)"#
    private static let concatTest =
        #"contains\(concat\(' ',\s*normalize-space\(@class\),\s*' '\),\s*' "# + classToken + #" '\)"#
    private static let pairedClassTest = try! NSRegularExpression(
        pattern: #"\(contains\(@class,\s*'"# + classToken + #"'\)\s+and\s+"#
            + #"contains\(concat\(' ',\s*normalize-space\(@class\),\s*' '\),\s*' \1 '\)\)"#)
    private static let classTest = try! NSRegularExpression(pattern: concatTest)

    /// `//x[…]` means `/descendant-or-self::node()/child::x[…]`; libxml2 evaluates that
    /// by collecting every node first. Where no positional predicate on `x` (`[1]`,
    /// `last()`, `position()`, a number) can tell them apart, `/descendant::x[…]`
    /// selects the same nodes in one walk. Each `//` outside string literals that is
    /// followed by a name test (`x`, `*`) is rewritten on its own, in every branch of a union.
    static func descendantForm(_ source: String) -> String {
        let b = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 32)
        var i = 0
        var quote: UInt8?
        while i < b.count {
            let c = b[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == 0x27 || c == 0x22 {
                quote = c
            } else if c == 0x2F, i + 1 < b.count, b[i + 1] == 0x2F, let step = nameStepEnd(b, from: i + 2),
                !predicates(b, from: step).contains(where: isPositional)
            {
                out += Array("/descendant::".utf8)
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The end of a name test (`x`, `ns:x`, `*`) at `start`, or `nil` when an axis, a node
    /// type test (`text()`), an attribute or anything else stands there.
    private static func nameStepEnd(_ b: [UInt8], from start: Int) -> Int? {
        guard start < b.count else { return nil }
        if b[start] == 0x2A { return start + 1 }
        func isNameByte(_ c: UInt8) -> Bool {
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x5F
                || c == 0x2D || c == 0x2E || c == 0x3A
        }
        guard (0x41...0x5A).contains(b[start]) || (0x61...0x7A).contains(b[start]) || b[start] == 0x5F else {
            return nil
        }
        var end = start
        while end < b.count, isNameByte(b[end]) { end += 1 }
        if let colon = b[start..<end].firstIndex(of: 0x3A), colon + 1 < end, b[colon + 1] == 0x3A { return nil }
        if end < b.count, b[end] == 0x28 { return nil }
        return end
    }

    /// The texts of the `[…]` predicates that directly follow `start`.
    private static func predicates(_ b: [UInt8], from start: Int) -> [ArraySlice<UInt8>] {
        var found: [ArraySlice<UInt8>] = []
        var i = start
        while i < b.count, b[i] == 0x5B {
            var depth = 0
            var quote: UInt8?
            var j = i
            while j < b.count {
                let c = b[j]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == 0x27 || c == 0x22 {
                    quote = c
                } else if c == 0x5B {
                    depth += 1
                } else if c == 0x5D {
                    depth -= 1
                    if depth == 0 { break }
                }
                j += 1
            }
            guard j < b.count else { return found + [b[(i + 1)...]] }
            found.append(b[(i + 1)..<j])
            i = j + 1
        }
        return found
    }

    /// Whether a predicate may depend on the position of the node: it names
    /// `position()` or `last()`, or its value may be a number (a number, arithmetic or a
    /// numeric function at its top level, with no comparison or `and`/`or` there).
    private static func isPositional(_ predicate: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: predicate, as: UTF8.self)
        if text.contains("position()") || text.contains("last()") { return true }
        var top: [UInt8] = []
        var depth = 0
        var quote: UInt8?
        for c in predicate {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case 0x27, 0x22: quote = c
            case 0x28, 0x5B: depth += 1
            case 0x29, 0x5D: depth -= 1
            default: if depth == 0 { top.append(c) }
            }
        }
        let flat = String(decoding: top, as: UTF8.self)
        if flat.contains("=") || flat.contains("<") || flat.contains(">") || flat.contains(" and ")
            || flat.contains(" or ")
        {
            return false
        }
        if [" * ", " div ", " mod ", "+", " - "].contains(where: flat.contains) { return true }
        let lead = text.drop { $0 == " " }
        guard let first = lead.first else { return false }
        if first.isNumber || first == "-" || first == "(" || first == "$" { return true }
        let numeric = ["count(", "string-length(", "sum(", "number(", "floor(", "ceiling(", "round("]
        return numeric.contains { lead.hasPrefix($0) }
    }

    private static let attributeLiteral = try! NSRegularExpression(
        pattern:
            #"(?:(?:contains|starts-with)\(@(?:class|id|name|property|rel|itemprop|href|src|content),\s*'([^']+)'\)|@(?:class|id|name|property|rel|itemprop)\s*=\s*'([^']+)'|(?:has-class|numbered-id)\(\s*'([^']+)'\))"#
    )

    /// Literals that appear verbatim in any page the expression can match. Those
    /// with `&`, `<`, quotes or non-ASCII are left out: markup may spell them as entities.
    static func requiredLiterals(_ source: String) -> [String] {
        // Under `or`, `|` or `not(…)` a literal is not required for a match.
        guard !source.contains(" or "), !source.contains("|"), !source.contains("not(") else { return [] }
        let ns = source as NSString
        return attributeLiteral.matches(in: source, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            for group in 1...3 where m.range(at: group).location != NSNotFound {
                let literal = ns.substring(with: m.range(at: group))
                let verbatim = literal.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 38 && $0 != 60 && $0 != 34 }
                return verbatim ? literal : nil
            }
            return nil
        }
    }
}

/// The raw bytes of the page being extracted, for byte gates and ``Query`` literal
/// gates: a filter of the page's 3-byte sequences answers most absent strings without
/// a scan of the page.
final class PageBytes {
    private let bytes: UnsafeRawBufferPointer?
    private var grams: [UInt64] = []
    private var known: [String: Bool] = [:]

    /// - Parameter bytes: `nil` when the bytes cannot be searched as ASCII (UTF-16).
    init(_ bytes: UnsafeRawBufferPointer?) {
        self.bytes = bytes
        if let bytes {
            grams = [UInt64](repeating: 0, count: Int(THREADMINER_GRAM_WORDS))
            grams.withUnsafeMutableBufferPointer {
                threadminer_grams_build($0.baseAddress, bytes.baseAddress, bytes.count)
            }
        }
    }

    /// Whether the page holds `needle`; `true` when it cannot be searched (UTF-16).
    /// Answers are remembered: profiles share many of their byte strings.
    func contains(_ needle: String) -> Bool {
        guard let bytes else { return true }
        if let hit = known[needle] { return hit }
        var needle = needle
        let possible = needle.withUTF8 { n in
            grams.withUnsafeBufferPointer { threadminer_grams_may_contain($0.baseAddress, n.baseAddress, n.count) != 0 }
        }
        let hit = possible && ThreadExtractor.contains(bytes, needle)
        known[needle] = hit
        return hit
    }

    func mayMatch(_ query: Query) -> Bool { query.literals.allSatisfy(contains) }
}

/// A ``FieldRule`` with its XPath and regex compiled.
struct CompiledRule {
    let query: Query
    let regex: NSRegularExpression?
    let template: String?

    init(_ rule: FieldRule, profile: String) throws {
        query = try Query(rule.xpath, profile: profile)
        do {
            regex = try rule.regex.map { try NSRegularExpression(pattern: $0) }
        } catch {
            throw ProfileError(file: profile, reason: "invalid regex \(rule.regex ?? ""): \(error)")
        }
        template = rule.template
    }
}

struct CompiledPostRules {
    let url: [CompiledRule]
    let title: [CompiledRule]
    let author: [CompiledRule]
    let published: [CompiledRule]
    let commentCount: [CompiledRule]

    init(_ rules: PostRules, profile: String) throws {
        let compile = { (list: [FieldRule]) in try list.map { try CompiledRule($0, profile: profile) } }
        url = try compile(rules.url)
        title = try compile(rules.title)
        author = try compile(rules.author)
        published = try compile(rules.published)
        commentCount = try compile(rules.commentCount)
    }
}

struct CompiledCommentRules {
    let item: Query
    let id: [CompiledRule]
    let author: [CompiledRule]
    let authorStrip: [NSRegularExpression]
    let anonymous: [NSRegularExpression]
    let authorURL: [CompiledRule]
    let published: [CompiledRule]
    let permalink: [CompiledRule]
    let text: [Query]
    let textExclude: [Query]
    let textBefore: Query?
    let postAuthor: [Query]
    let pending: [Query]
    let removed: [Query]
    let flat: Bool
    let depth: [CompiledRule]

    init(_ rules: CommentRules, profile: String) throws {
        let compile = { (list: [FieldRule]) in try list.map { try CompiledRule($0, profile: profile) } }
        let xpaths = { (list: [String]) in try list.map { try Query($0, profile: profile) } }
        item = try Query(rules.item, profile: profile)
        id = try compile(rules.id)
        author = try compile(rules.author)
        func regexes(_ patterns: [String], key: String) throws -> [NSRegularExpression] {
            do {
                return try patterns.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
            } catch {
                throw ProfileError(file: profile, reason: "invalid \(key) regex: \(error)")
            }
        }
        authorStrip = try regexes(rules.authorStrip, key: "author_strip")
        anonymous = try regexes(rules.anonymous, key: "anonymous")
        authorURL = try compile(rules.authorURL)
        published = try compile(rules.published)
        permalink = try compile(rules.permalink)
        text = try xpaths(rules.text)
        textExclude = try xpaths(rules.textExclude)
        textBefore = try rules.textBefore.map { try Query($0, profile: profile) }
        postAuthor = try xpaths(rules.postAuthor)
        pending = try xpaths(rules.pending)
        removed = try xpaths(rules.removed)
        flat = rules.flat
        depth = try compile(rules.depth)
    }
}

struct CompiledPingbackRules {
    let item: Query
    let url: [CompiledRule]
    let title: [CompiledRule]
    let published: [CompiledRule]

    init(_ rules: PingbackRules, profile: String) throws {
        let compile = { (list: [FieldRule]) in try list.map { try CompiledRule($0, profile: profile) } }
        item = try Query(rules.item, profile: profile)
        url = try compile(rules.url)
        title = try compile(rules.title)
        published = try compile(rules.published)
    }
}

/// A ``Profile`` ready to run: every expression compiled once.
struct CompiledProfile {
    let profile: Profile
    let detect: [Query]
    let post: CompiledPostRules?
    let comments: CompiledCommentRules?
    let pingbacks: CompiledPingbackRules?

    init(_ profile: Profile) throws {
        self.profile = profile
        detect = try profile.detect.map { try Query($0, profile: profile.name) }
        post = try profile.post.map { try CompiledPostRules($0, profile: profile.name) }
        comments = try profile.comments.map { try CompiledCommentRules($0, profile: profile.name) }
        pingbacks = try profile.pingbacks.map { try CompiledPingbackRules($0, profile: profile.name) }
    }
}

/// Reads one string value with a rule: nodes give their visible text on one line
/// (attributes their value), other XPath results their string form; then the regex
/// narrows it. Empty results count as absent.
enum FieldReader {
    static func value(
        _ rule: CompiledRule, in document: HTMLDocument, page: PageBytes, from context: Node?,
        filter: ([Node]) -> [Node] = { $0 }
    ) -> String? {
        guard page.mayMatch(rule.query) else { return nil }
        var raw: String?
        switch document.evaluate(rule.query.expression, from: context) {
        case .nodes(let nodes):
            for node in filter(nodes) {
                let text = node.isElement ? node.inlineText() : node.stringValue
                let trimmed = text.trimmingWhiteSpace()
                if !trimmed.isEmpty {
                    raw = trimmed
                    break
                }
            }
        case .string(let s): raw = s
        case .number(let n): raw = n.isFinite && abs(n) < 1e15 ? String(Int(n)) : nil
        case .boolean: raw = nil
        }
        guard var value = raw?.trimmingWhiteSpace(), !value.isEmpty else { return nil }
        if let regex = rule.regex {
            let range = NSRange(value.startIndex..., in: value)
            guard let match = regex.firstMatch(in: value, range: range) else { return nil }
            if let template = rule.template {
                value = regex.replacementString(for: match, in: value, offset: 0, template: template)
            } else {
                let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
                guard let r = Range(group, in: value) else { return nil }
                value = String(value[r])
            }
            value = value.trimmingWhiteSpace()
        }
        return value.isEmpty ? nil : value
    }

    static func firstValue(_ rules: [CompiledRule], in document: HTMLDocument, page: PageBytes, from context: Node?)
        -> String?
    {
        for rule in rules {
            if let v = value(rule, in: document, page: page, from: context) { return v }
        }
        return nil
    }

    /// The nodes a query selects, or none when the page cannot hold a match.
    static func nodes(_ query: Query, in document: HTMLDocument, page: PageBytes, from context: Node? = nil) -> [Node] {
        page.mayMatch(query) ? document.nodes(query.expression, from: context) : []
    }
}
