import Foundation

/// Finds the pages under the paths a user names: files as given, folders walked
/// recursively (symlinked folders are not followed, so loops are impossible).
public enum InputDiscovery {
    /// File names that saved web pages carry (wget and HTTrack keep `?query` parts).
    static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cfm"]

    /// Every page file under `paths`, as sorted, de-duplicated absolute paths (so the
    /// same file has one identity however its folder was typed: `x`, `./x`, `/abs/x`).
    /// - Throws: ``CrawlError/missingInput(_:)`` when a named path does not exist.
    public static func pages(under paths: [String]) throws(CrawlError) -> [String] {
        var found = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missingInput(path) }
            guard isDirectory.boolValue else {
                found.insert(URL(fileURLWithPath: path).standardizedFileURL.path)
                continue
            }
            let root = URL(fileURLWithPath: path)
            guard
                let walker = fm.enumerator(
                    at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [],
                    errorHandler: { _, _ in true })
            else { continue }
            for case let url as URL in walker {
                // Broken links and unreadable entries stay in: reading them reports why.
                guard (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory != true,
                    isPageName(url.lastPathComponent)
                else { continue }
                found.insert(url.standardizedFileURL.path)
            }
        }
        return found.sorted()
    }

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
