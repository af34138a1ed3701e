public import ThreadModel

/// Renders a thread record as an indented tree for people checking extraction.
public enum ThreadTree {
    /// - Parameters:
    ///   - record: the thread.
    ///   - profile: the profile that read it, if any.
    ///   - encoding: how the page was decoded, e.g. `windows-1252 (windows-1252-fallback)`.
    ///   - textWidth: characters of comment text shown per comment.
    public static func render(_ record: ThreadRecord, profile: String?, encoding: String, textWidth: Int = 100)
        -> String
    {
        var lines: [String] = []
        let post = record.post
        lines.append("page:     \(record.source.file)")
        lines.append("platform: \(record.platform ?? "unknown") (profile \(profile ?? "none"), encoding \(encoding))")
        lines.append("post:     \(post.title ?? "(no title)")")
        lines.append("url:      \(post.url ?? "(unknown)")")
        lines.append(
            "author:   \(post.author ?? "(unknown)")   published: \(post.published ?? "?") [\(post.publishedRaw ?? "")]"
        )
        let shown = post.commentCountShown.map(String.init) ?? "no count shown"
        lines.append(
            "comments: \(record.comments.count) found, page says \(shown); pingbacks: \(record.pingbacks.count)")
        for warning in record.warnings { lines.append("warning:  \(warning)") }
        lines.append("")
        for comment in record.comments {
            let indent = String(repeating: "    ", count: comment.depth - 1)
            var head = "\(indent)#\(comment.position) \(comment.author ?? "(no author)")"
            if comment.isPostAuthor { head += " [post author]" }
            head += " · \(comment.published ?? "?")"
            if comment.status != .visible { head += " · \(comment.status.rawValue.uppercased())" }
            head += " · id \(comment.id)"
            lines.append(head)
            if let url = comment.authorURL { lines.append("\(indent)   <\(url)>") }
            let flat = comment.text.split(separator: "\n").joined(separator: " ¶ ")
            let shownText = flat.count > textWidth ? String(flat.prefix(textWidth)) + "…" : flat
            lines.append("\(indent)   \(shownText)")
        }
        for pingback in record.pingbacks {
            lines.append("pingback: \(pingback.title ?? "(no title)") <\(pingback.url ?? "")>")
        }
        return lines.joined(separator: "\n")
    }
}
