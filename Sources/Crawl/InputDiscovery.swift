import Exports
import Foundation

/// What kind of input a file is, which decides how it is read.
public enum InputKind: String, Sendable {
    /// A saved HTML page.
    case page
    /// A WARC or ARC file, plain or gzip.
    case archive
    /// A Blogger Atom or WordPress WXR export.
    case export
}

/// One input file and its kind.
public struct CrawlInput: Sendable, Equatable {
    public var path: String
    public var kind: InputKind
    /// The folder the user named that this file was found under (`nil` for a named
    /// file): a mirror's layout, and so the page's URL, is read relative to it.
    public var root: String?
}

/// Finds the inputs under the paths a user names: files as given, folders walked
/// recursively (symlinked folders are not followed, so loops are impossible).
public enum InputDiscovery {
    /// Archive file name endings.
    static let archiveSuffixes = [".warc", ".warc.gz", ".arc", ".arc.gz", ".warc.open", ".warc.gz.open", ".wacz"]

    /// Every input under `paths`, sorted by path and de-duplicated: pages, archives and
    /// exports. Named files are sniffed from their first bytes; in folders, archives
    /// go by name, exports are `.xml`/`.atom` files that sniff as one, and pages go by
    /// their page extension.
    /// - Throws: ``CrawlError/missingInput(_:)`` when a named path does not exist.
    public static func inputs(under paths: [String]) throws(CrawlError) -> [CrawlInput] {
        var found: [String: (kind: InputKind, root: String?)] = [:]
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingInput(path) }
            guard isDirectory.boolValue else {
                let file = URL(fileURLWithPath: path).standardizedFileURL.path
                found[file] = (sniff(file), found[file]?.root)
                continue
            }
            let root = URL(fileURLWithPath: path).standardizedFileURL.path
            for file in files(under: path) {
                let name = file.lowercased()
                if archiveSuffixes.contains(where: { name.hasSuffix($0) }) {
                    found[file] = (.archive, root)
                } else if name.hasSuffix(".xml") || name.hasSuffix(".atom") {
                    if sniff(file) == .export { found[file] = (.export, root) }
                } else if isPageName((file as NSString).lastPathComponent) {
                    found[file] = (.page, root)
                }
            }
        }
        return found.keys.sorted().map { CrawlInput(path: $0, kind: found[$0]!.kind, root: found[$0]!.root) }
    }

    /// The kind of a named file from its first bytes (a page when nothing else fits).
    static func sniff(_ path: String) -> InputKind {
        let name = path.lowercased()
        if archiveSuffixes.contains(where: { name.hasSuffix($0) }) { return .archive }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .page }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8192)) ?? Data()
        if head.starts(with: Data("WARC/".utf8)) || head.starts(with: Data("filedesc://".utf8)) { return .archive }
        if head.starts(with: [0x1f, 0x8b]) { return .archive }
        if ExportFormat.detect(head) != nil { return .export }
        return .page
    }

    /// Regular files under `root`, absolute and standardised.
    static func files(under root: String) -> [String] {
        var out: [String] = []
        guard
            let walker = FileManager.default.enumerator(
                at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isDirectoryKey], options: [],
                errorHandler: { _, _ in true })
        else { return out }
        for case let url as URL in walker {
            // Broken links and unreadable entries stay in: reading them reports why.
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory != true else { continue }
            out.append(url.standardizedFileURL.path)
        }
        return out
    }

    /// File names that saved web pages carry (wget and HTTrack keep `?query` parts).
    static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cfm"]

    /// True for file names that saved pages carry (`post.html`, `index.html?p=12`).
    public static func isPageName(_ name: String) -> Bool {
        let base = name.split(separator: "?", maxSplits: 1).first.map(String.init) ?? name
        guard let dot = base.lastIndex(of: ".") else { return false }
        return pageExtensions.contains(base[base.index(after: dot)...].lowercased())
    }
}

/// Errors that stop a crawl before it starts. Bad pages never do: they become
/// ``Diagnostic``s.
public enum CrawlError: Error, Sendable, CustomStringConvertible {
    case missingInput(String)
    case profiles(String)

    public var description: String {
        switch self {
        case .missingInput(let path): return "\(path): no such file or folder; check the path and try again"
        case .profiles(let reason): return "cannot load extraction profiles: \(reason)"
        }
    }
}
