import Foundation
import Markup

/// A ``FieldRule`` with its XPath and regex compiled.
struct CompiledRule {
    let xpath: XPathExpression
    let regex: NSRegularExpression?
    let template: String?

    init(_ rule: FieldRule, profile: String) throws {
        xpath = try compileXPath(rule.xpath, profile: profile)
        do {
            regex = try rule.regex.map { try NSRegularExpression(pattern: $0) }
        } catch {
            throw ProfileError(file: profile, reason: "invalid regex \(rule.regex ?? ""): \(error)")
        }
        template = rule.template
    }
}

func compileXPath(_ source: String, profile: String) throws -> XPathExpression {
    do {
        return try XPathExpression(source)
    } catch {
        throw ProfileError(file: profile, reason: error.description)
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
    let item: XPathExpression
    let id: [CompiledRule]
    let author: [CompiledRule]
    let authorStrip: [NSRegularExpression]
    let authorURL: [CompiledRule]
    let published: [CompiledRule]
    let permalink: [CompiledRule]
    let text: [XPathExpression]
    let textExclude: [XPathExpression]
    let postAuthor: [XPathExpression]
    let pending: [XPathExpression]
    let removed: [XPathExpression]

    init(_ rules: CommentRules, profile: String) throws {
        let compile = { (list: [FieldRule]) in try list.map { try CompiledRule($0, profile: profile) } }
        let xpaths = { (list: [String]) in try list.map { try compileXPath($0, profile: profile) } }
        item = try compileXPath(rules.item, profile: profile)
        id = try compile(rules.id)
        author = try compile(rules.author)
        do {
            authorStrip = try rules.authorStrip.map {
                try NSRegularExpression(pattern: $0, options: [.caseInsensitive])
            }
        } catch {
            throw ProfileError(file: profile, reason: "invalid author_strip regex: \(error)")
        }
        authorURL = try compile(rules.authorURL)
        published = try compile(rules.published)
        permalink = try compile(rules.permalink)
        text = try xpaths(rules.text)
        textExclude = try xpaths(rules.textExclude)
        postAuthor = try xpaths(rules.postAuthor)
        pending = try xpaths(rules.pending)
        removed = try xpaths(rules.removed)
    }
}

struct CompiledPingbackRules {
    let item: XPathExpression
    let url: [CompiledRule]
    let title: [CompiledRule]
    let published: [CompiledRule]

    init(_ rules: PingbackRules, profile: String) throws {
        let compile = { (list: [FieldRule]) in try list.map { try CompiledRule($0, profile: profile) } }
        item = try compileXPath(rules.item, profile: profile)
        url = try compile(rules.url)
        title = try compile(rules.title)
        published = try compile(rules.published)
    }
}

/// A ``Profile`` ready to run: every expression compiled once.
struct CompiledProfile {
    let profile: Profile
    let detect: [XPathExpression]
    let post: CompiledPostRules?
    let comments: CompiledCommentRules?
    let pingbacks: CompiledPingbackRules?

    init(_ profile: Profile) throws {
        self.profile = profile
        detect = try profile.detect.map { try compileXPath($0, profile: profile.name) }
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
        _ rule: CompiledRule, in document: HTMLDocument, from context: Node?, filter: ([Node]) -> [Node] = { $0 }
    ) -> String? {
        var raw: String?
        switch document.evaluate(rule.xpath, from: context) {
        case .nodes(let nodes):
            for node in filter(nodes) {
                let text = node.isElement ? node.inlineText() : node.stringValue
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty {
                    raw = trimmed
                    break
                }
            }
        case .string(let s): raw = s
        case .number(let n): raw = n.isNaN ? nil : String(Int(n))
        case .boolean: raw = nil
        }
        guard var value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
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
            value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return value.isEmpty ? nil : value
    }

    static func firstValue(_ rules: [CompiledRule], in document: HTMLDocument, from context: Node?) -> String? {
        for rule in rules {
            if let v = value(rule, in: document, from: context) { return v }
        }
        return nil
    }
}
