import ThreadModel

/// One comment read from an export, before its place in the thread is known.
struct ExportedComment {
    /// `id`, `parent`, author, dates, status and text; `position` and `depth` are set
    /// by ``ReplyTree/arrange(_:notComments:)``.
    var record: CommentRecord
    /// When it was written, for ordering siblings; `nil` sorts last.
    var instant: Double?
}

/// Places exported comments as the blog displays them: depth-first through the reply
/// tree, siblings oldest first (then by id). A reply whose parent is not among the
/// comments stays at top level, with a warning naming the parent.
enum ReplyTree {
    /// - Parameters:
    ///   - comments: the post's comments, any order; ids unique.
    ///   - notComments: ids the export holds that are not comments (pingbacks), with
    ///     what they are, so a warning can say why such a parent is missing.
    /// - Returns: the comments in display order with `position` (from 1), `depth`
    ///   (from 1) and checked `parent`, and the warnings for the record.
    static func arrange(_ comments: [ExportedComment], notComments: [String: String] = [:]) -> (
        comments: [CommentRecord], warnings: [String]
    ) {
        var records = comments.map(\.record)
        var warnings: [String] = []
        let index = Dictionary(records.indices.map { (records[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for i in records.indices {
            guard let parent = records[i].parent else { continue }
            let id = records[i].id
            if parent == id {
                warnings.append("comment \(id) is marked as a reply to itself: shown at top level")
            } else if let kind = notComments[parent] {
                warnings.append("comment \(id) replies to \(parent), \(kind): shown at top level")
            } else if index[parent] == nil {
                warnings.append(
                    "comment \(id) replies to \(parent), which the export does not hold: shown at top level")
            } else {
                continue
            }
            records[i].parent = nil
        }
        let precedes = { (a: Int, b: Int) -> Bool in
            let ta = comments[a].instant ?? .infinity
            let tb = comments[b].instant ?? .infinity
            if ta != tb { return ta < tb }
            return idOrder(records[a].id, records[b].id)
        }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for i in records.indices {
            if let parent = records[i].parent, let p = index[parent] {
                children[p, default: []].append(i)
            } else {
                roots.append(i)
            }
        }
        var order: [Int] = []
        order.reserveCapacity(records.count)
        var visited = [Bool](repeating: false, count: records.count)
        func visit(from root: Int) {
            var stack = [(root, 1)]
            while let (i, depth) = stack.popLast() {
                guard !visited[i] else { continue }
                visited[i] = true
                records[i].depth = depth
                order.append(i)
                for child in (children[i] ?? []).sorted(by: precedes).reversed() { stack.append((child, depth + 1)) }
            }
        }
        for root in roots.sorted(by: precedes) { visit(from: root) }
        // What is left hangs off a reply cycle: cut it at its oldest comment.
        while let cut = records.indices.filter({ !visited[$0] }).min(by: precedes) {
            warnings.append("comment \(records[cut].id) is part of a reply cycle: shown at top level")
            records[cut].parent = nil
            visit(from: cut)
        }
        return (
            order.enumerated().map { position, i in
                var record = records[i]
                record.position = position + 1
                return record
            }, warnings
        )
    }

    /// Numeric ids in numeric order (`c9` before `c10`), others after them as text.
    private static func idOrder(_ a: String, _ b: String) -> Bool {
        let da = a.drop { !$0.isNumber }
        let db = b.drop { !$0.isNumber }
        if da.count != db.count { return da.count < db.count }
        return da == db ? a < b : da < db
    }
}
