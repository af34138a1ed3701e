import ArchiveURLs
import Foundation
import Testing

@Suite struct FolderLayoutTests {
    /// A fresh folder holding `files` (relative paths; a trailing `/` makes a folder).
    static func tree(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString)")
        for file in files {
            let url = root.appendingPathComponent(file)
            if file.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("<html></html>".utf8).write(to: url)
            }
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    @Test(arguments: [
        (["hts-cache/new.zip", "hts-log.txt", "index.html", "example.com/index.html"], FolderLayout.httrack),
        (["hts-log.txt", "example.com/a.html"], .httrack),
        (["websites/example.com/index.html"], .waybackMachineDownloader),
        (["waybackup_snapshots/example.com/20110725100000/index.html"], .pywaybackup),
        (["waybackup_example.com.csv"], .pywaybackup),
        (["20110725100000/example.com/index.html", "20120101000000/example.com/index.html"], .waybackpack),
        (["example.com/2011/07/post.html", "example.com/index.html?p=12"], .wget),
        (["www.xemacs.org+4300/search.pl@input=blah"], .wget),
        (["https/example.com/index.html"], .wget),
        (["notes/readme.html", "photos/"], .unknown),
        (["20110725100000/notes/a.html"], .unknown),
        (["post.html"], .unknown),
        ([String](), .unknown),
    ])
    func detects(files: [String], layout: FolderLayout) throws {
        let root = try Self.tree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FolderLayout.detect(root: root.path) == layout)
    }

    @Test func namedRootsAndMissingFolders() throws {
        let root = try Self.tree(["websites/example.com/index.html", "waybackup_snapshots/example.com/a.html"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(FolderLayout.detect(root: root.appendingPathComponent("websites").path) == .waybackMachineDownloader)
        #expect(FolderLayout.detect(root: root.appendingPathComponent("waybackup_snapshots").path) == .pywaybackup)
        #expect(FolderLayout.detect(root: root.appendingPathComponent("absent").path) == .unknown)
        #expect(
            FolderLayout.detect(root: root.appendingPathComponent("websites/example.com/index.html").path) == .unknown)
        // Paths relative to a `websites` root read the same as paths under its parent.
        #expect(
            MirrorPath("example.com/index.html", layout: .waybackMachineDownloader).url
                == MirrorPath("websites/example.com/index.html", layout: .waybackMachineDownloader).url)
    }
}
