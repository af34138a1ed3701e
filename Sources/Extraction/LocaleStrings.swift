import Foundation
import Markup
public import ThreadModel

/// Moderation sentences and anonymous names by language, read from the bundled
/// `Locale/strings.json` (sources in `../shared/docs/LOCALES.md`).
public struct LocaleStrings: Sendable {
    let removedByAdmin: [String]
    let removedByAuthor: [String]
    let pending: [String]
    /// The longest pending sentence, in characters.
    let pendingLength: Int
    /// The first five letters of each pending sentence's longest word, lower-case and
    /// capitalised ("moder", "Moder", "freis" …): a text without any holds no sentence.
    let pendingKeys: [String]
    /// Placeholders of comments deleted by their writer or the journal (LiveJournal).
    let deleted: [String]
    /// Placeholders of comments hidden by the journal owner (LiveJournal "screened"):
    /// held back from readers, so reported as pending.
    let screened: [String]
    /// Folded names that stand for "no name given" ("Anonymous", "Anonyme").
    let anonymousNames: Set<String>

    /// The bundled tables, loaded once.
    public static let bundled: LocaleStrings = {
        guard let url = Bundle.module.url(forResource: "strings", withExtension: "json", subdirectory: "Locale"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { preconditionFailure("Locale/strings.json is missing or invalid in the Extraction bundle") }
        return LocaleStrings(
            removedByAdmin: file.removed_by_admin.map(Self.fold),
            removedByAuthor: file.removed_by_author.map(Self.fold),
            pending: file.pending.map(Self.fold), pendingLength: file.pending.map(\.count).max() ?? 0,
            pendingKeys: Self.keys(of: file.pending.map(Self.fold)),
            deleted: file.deleted.map(Self.fold),
            screened: file.screened.map(Self.fold), anonymousNames: Set(file.anonymous_names.map(Self.fold)))
    }()

    private struct File: Decodable {
        var removed_by_admin: [String]
        var removed_by_author: [String]
        var pending: [String]
        var anonymous_names: [String]
        var deleted: [String]
        var screened: [String]
    }

    /// The status a placeholder text announces (removed, deleted, or screened, which
    /// counts as pending), or `nil` when it is not one.
    public func removalStatus(of text: String) -> CommentStatus? {
        guard text.utf8.count < 240 else { return nil }
        let folded = Self.fold(text)
        if removedByAdmin.contains(where: { folded == $0 }) { return .removedByAdmin }
        if removedByAuthor.contains(where: { folded == $0 }) { return .removedByAuthor }
        if deleted.contains(where: { folded == $0 }) { return .deleted }
        if screened.contains(where: { folded == $0 }) { return .pending }
        return nil
    }

    /// Whether `name` is a platform's stand-in for a commenter who gave no name.
    public func isAnonymousName(_ name: String) -> Bool {
        name.utf8.count < 40 && anonymousNames.contains(Self.fold(name))
    }

    /// `text` without an "awaiting moderation" sentence, and whether one was found.
    public func strippingPending(from text: String) -> (text: String, pending: Bool) {
        guard mayHoldPending(text) else { return (text, false) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        var kept: [Substring] = []
        var found = false
        // Only a line's two ends can hold a sentence: fold those, not whole paragraphs.
        let reach = 2 * pendingLength + 16
        for line in lines {
            // The sentence stands on its own line (its own element) in every template seen.
            let short = line.count <= 2 * reach
            let head = Self.fold(String(short ? line : line.prefix(reach)))
            let tail = short ? head : Self.fold(String(line.suffix(reach)))
            if let sentence = pending.first(where: { head.hasPrefix($0) || tail.hasSuffix($0) }) {
                found = true
                let rest = short && head == sentence ? "" : Self.removing(sentence, from: String(line))
                if !rest.isEmpty { kept.append(Substring(rest)) }
            } else {
                kept.append(line)
            }
        }
        return (kept.joined(separator: "\n"), found)
    }

    /// Whether `text` holds one of the pending sentences' key words (a byte search).
    func mayHoldPending(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            return pendingKeys.contains { ThreadExtractor.contains(bytes, $0) }
        }
    }

    static func keys(of sentences: [String]) -> [String] {
        var keys: [String] = []
        for sentence in sentences {
            let words = sentence.split(whereSeparator: { !$0.isLetter })
            guard let longest = words.max(by: { $0.count < $1.count }) else { continue }
            let key = String(longest.prefix(5))
            for variant in [key, key.prefix(1).uppercased() + key.dropFirst()] where !keys.contains(variant) {
                keys.append(variant)
            }
        }
        return keys
    }

    private static func removing(_ sentence: String, from line: String) -> String {
        var rest = line
        if let range = rest.range(of: sentence, options: [.caseInsensitive]) { rest.removeSubrange(range) }
        return rest.trimmingBlanks()
    }

    /// Lower-cases, straightens apostrophes and collapses whitespace.
    static func fold(_ s: String) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(s.utf8.count)
        var space = false
        for scalar in s.lowercased().unicodeScalars {
            if WhiteSpace.isWhiteSpace(scalar) {
                space = !folded.isEmpty
                continue
            }
            if space {
                folded.append(0x20)
                space = false
            }
            if scalar.isASCII {
                folded.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar == "\u{2019}" ? "'" : scalar) { folded.append($0) }
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
