public import ThreadModel

/// One capture's view of a thread, as the timeline merges it.
public struct ThreadSnapshot: Sendable {
    /// Capture time (ISO 8601 UTC), `nil` when the archive does not say.
    public var captured: String?
    public var file: String
    public var offset: Int
    public var record: ThreadRecord

    public init(captured: String?, file: String, offset: Int, record: ThreadRecord) {
        self.captured = captured
        self.file = file
        self.offset = offset
        self.record = record
    }
}

/// A comment in the merged thread, with when it was seen.
public struct TimelineComment: Sendable, Equatable {
    /// The comment's identity across captures (see ``ThreadTimeline``).
    public var key: String
    public var comment: CommentRecord
    /// Capture time it was first and last seen in (nil when those captures are undated).
    public var firstSeen: String?
    public var lastSeen: String?
    /// Capture time of the first capture showing its current status when that status
    /// was reached later (`removed_*` after being visible, or `vanished`).
    public var statusChanged: String?
}

/// Merges the captures of one thread over time into the thread a researcher sees:
/// the latest capture's comments, plus what earlier captures show that the latest
/// no longer does.
///
/// - Captures with the same capture time (or all undated ones) are one moment: their
///   comments are united, the capture with most comments first.
/// - A comment seen in a dated capture and missing from a later one becomes
///   `vanished` (time: the first capture it is missing from); it keeps its place
///   after the comment it followed. Undated captures cannot be ordered, so what they
///   show is kept as it is.
/// - A comment that turns into a removal placeholder keeps its earlier author and
///   text and becomes `removed_*` with the time of the first capture showing that.
///
/// Comments are matched by platform id; comments with position-based ids (`p3`) are
/// matched by author and text (and, for repeats within one capture, by how many times
/// that pair came before), so a placeholder without an id cannot be matched.
public enum ThreadTimeline {
    /// The merged comments in display order (positions renumbered from 1).
    public static func merge(_ snapshots: [ThreadSnapshot]) -> [TimelineComment] {
        var merged: [TimelineComment] = []
        for moment in moments(snapshots) {
            let time = moment.first?.captured
            let seen = unite(moment)
            merged = step(merged, seen: seen, time: time)
        }
        for i in merged.indices { merged[i].comment.position = i + 1 }
        return merged
    }

    /// Snapshots grouped by capture time, undated first, each group in a fixed order.
    static func moments(_ snapshots: [ThreadSnapshot]) -> [[ThreadSnapshot]] {
        let sorted = snapshots.sorted {
            ($0.captured ?? "", -$0.record.comments.count, $0.file, $0.offset)
                < ($1.captured ?? "", -$1.record.comments.count, $1.file, $1.offset)
        }
        var groups: [[ThreadSnapshot]] = []
        for snapshot in sorted {
            if let last = groups.last?.first, last.captured == snapshot.captured {
                groups[groups.count - 1].append(snapshot)
            } else {
                groups.append([snapshot])
            }
        }
        return groups
    }

    /// The comments of simultaneous captures with their keys: the first capture's,
    /// then the others' comments it lacks.
    static func unite(_ moment: [ThreadSnapshot]) -> [(key: String, comment: CommentRecord)] {
        var out: [(key: String, comment: CommentRecord)] = []
        var taken = Set<String>()
        for snapshot in moment {
            for (key, comment) in zip(keys(of: snapshot.record.comments), snapshot.record.comments)
            where taken.insert(key).inserted {
                out.append((key, comment))
            }
        }
        return out
    }

    static func step(
        _ earlier: [TimelineComment], seen: [(key: String, comment: CommentRecord)], time: String?
    ) -> [TimelineComment] {
        var byKey: [String: TimelineComment] = [:]
        for item in earlier { byKey[item.key] = item }
        let seenKeys = Set(seen.map(\.key))
        var current: [TimelineComment] = []
        for (key, comment) in seen {
            guard var item = byKey[key] else {
                current.append(
                    TimelineComment(key: key, comment: comment, firstSeen: time, lastSeen: time, statusChanged: nil))
                continue
            }
            let before = item.comment
            item.lastSeen = time
            item.comment = comment
            let removedNow = isRemoval(comment.status)
            if removedNow {
                // A placeholder keeps what the comment said and who said it before removal.
                item.comment.text = before.text
                item.comment.author = comment.author ?? before.author
                item.comment.authorURL = comment.authorURL ?? before.authorURL
                item.comment.published = comment.published ?? before.published
                item.comment.publishedRaw = comment.publishedRaw ?? before.publishedRaw
                if !isRemoval(before.status) { item.statusChanged = time }
            } else if before.status != comment.status {
                item.statusChanged = comment.status == .visible && before.status == .vanished ? nil : time
            }
            current.append(item)
        }
        // Comments no longer shown keep their place after the comment they followed.
        var anchored: [String: [TimelineComment]] = [:]
        var leading: [TimelineComment] = []
        var anchor: String?
        for item in earlier {
            if seenKeys.contains(item.key) {
                anchor = item.key
                continue
            }
            var gone = item
            // Only a dated capture can show that a comment went away later.
            if gone.comment.status != .vanished, gone.lastSeen != nil {
                gone.comment.status = .vanished
                gone.statusChanged = time
            }
            if let anchor { anchored[anchor, default: []].append(gone) } else { leading.append(gone) }
        }
        var out = leading
        for item in current {
            out.append(item)
            out.append(contentsOf: anchored[item.key] ?? [])
        }
        return out
    }

    /// Placeholders that stand where a comment was.
    static func isRemoval(_ status: CommentStatus) -> Bool {
        status == .removedByAdmin || status == .removedByAuthor || status == .deleted
    }

    /// The identities of one capture's comments, in order.
    static func keys(of comments: [CommentRecord]) -> [String] {
        var repeats: [String: Int] = [:]
        return comments.map { comment in
            let positional = comment.id.first == "p" && comment.id.dropFirst().allSatisfy(\.isNumber)
            guard positional else { return "id:" + comment.id }
            let base = "text:" + SHA1.hex((comment.author ?? "") + "\u{0}" + comment.text)
            defer { repeats[base, default: 0] += 1 }
            return base + "#" + String(repeats[base, default: 0])
        }
    }
}
