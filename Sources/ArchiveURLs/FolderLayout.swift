import Foundation

/// The tool whose folder layout a mirror root shows (ARCHIVES.md §0), read from the names
/// of its first two levels only.
public enum FolderLayout: String, Sendable, Hashable {
    /// HTTrack project: `hts-cache/` or `hts-log.txt` next to `<host>/…`.
    case httrack
    /// Wayback Machine Downloader: `websites/<host>/…` (or the `websites` folder itself).
    case waybackMachineDownloader
    /// pywaybackup: `waybackup_snapshots/` or `waybackup_*.csv` (or the snapshots folder itself).
    case pywaybackup
    /// waybackpack: 14-digit folders holding a host folder.
    case waybackpack
    /// wget or any plain host tree: a first-level folder named like a host (`example.com`,
    /// `example.com:8080`, `example.com+8080`), or `http/`/`https/` holding one.
    case wget
    case unknown

    /// The layout of the folder at `root`, probed in the order above (read-only).
    public static func detect(root: String) -> FolderLayout {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: root)
        func isDirectory(_ url: URL) -> Bool {
            var directory: ObjCBool = false
            return manager.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
        }
        func folders(in url: URL) -> [String] {
            let names = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && isDirectory(url.appendingPathComponent($0)) }.sorted()
        }
        guard isDirectory(base) else { return .unknown }
        let names = Set((try? manager.contentsOfDirectory(atPath: base.path)) ?? [])
        let top = folders(in: base)
        let name = base.lastPathComponent
        if top.contains("hts-cache") || names.contains("hts-log.txt") { return .httrack }
        if name == "websites" || top.contains("websites") { return .waybackMachineDownloader }
        if name == "waybackup_snapshots" || top.contains("waybackup_snapshots")
            || names.contains(where: { $0.hasPrefix("waybackup_") && $0.hasSuffix(".csv") })
        {
            return .pywaybackup
        }
        let hostFolder = { (folder: String) in HostName.hostAndPort(folder, plusPort: true) != nil }
        let stamps = top.filter { $0.count == 14 && CivilTime(stamp: $0) != nil }
        if stamps.prefix(4).contains(where: { folders(in: base.appendingPathComponent($0)).contains(where: hostFolder) }
        ) {
            return .waybackpack
        }
        if top.contains(where: hostFolder) { return .wget }
        let protocols = top.filter { ["http", "https", "ftp"].contains($0) }
        if protocols.contains(where: { folders(in: base.appendingPathComponent($0)).contains(where: hostFolder) }) {
            return .wget
        }
        return .unknown
    }
}
