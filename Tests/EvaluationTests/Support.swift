import Evaluation
import Foundation
import ThreadModel

/// A gold page with the given comments.
func goldPage(
    _ comments: [GoldPage.Comment], platform: String = "blogger", countShown: Int? = nil, pingbacks: Int = 0
) -> GoldPage {
    GoldPage(platform: platform, commentCountShown: countShown, pingbacks: pingbacks, comments: comments)
}

/// A gold comment numbered `n`, written by `author`.
func goldComment(
    _ n: Int, _ text: String, author: String = "Ann", url: String? = nil, parent: Int? = nil,
    published: String? = nil, status: CommentStatus = .visible, isPostAuthor: Bool = false
) -> GoldPage.Comment {
    GoldPage.Comment(
        n: n, parent: parent, author: author, authorURL: url, published: published, status: status,
        isPostAuthor: isPostAuthor, textStart: String(text.prefix(60)))
}

/// An extracted comment with id `c<position>`; `parent` is a position.
func extractedComment(
    _ position: Int, _ text: String, author: String? = "Ann", url: String? = nil, parent: Int? = nil,
    published: String? = nil, status: CommentStatus = .visible, isPostAuthor: Bool = false
) -> CommentRecord {
    CommentRecord(
        id: "c\(position)", parent: parent.map { "c\($0)" }, position: position, author: author, authorURL: url,
        isPostAuthor: isPostAuthor, published: published, status: status, text: text)
}

/// An extracted thread with the given comments.
func record(_ comments: [CommentRecord], countShown: Int? = nil, pingbacks: Int = 0) -> ThreadRecord {
    ThreadRecord(
        source: SourceInfo(file: "page.html"), platform: "blogger", post: PostRecord(commentCountShown: countShown),
        comments: comments, pingbacks: Array(repeating: PingbackRecord(), count: pingbacks))
}

/// Distinct comment texts longer than 60 characters.
let texts = (1...9).map { "Comment number \($0) says something long enough to pass the forty-character rule." }
let placeholder = "This comment has been removed by the author."

/// A new empty folder under the temporary directory.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evaluation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes `text` as UTF-8 to `path` under `folder`, creating folders as needed.
func write(_ text: String, to folder: URL, _ path: String) throws {
    let file = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
}
