public import Foundation
import ThreadModel

/// The profiles an extractor uses: the bundled ones, with a user's folder of profile
/// files (`--profiles DIR`) laid over them. A user profile whose `name` equals a
/// bundled one replaces it; other names are added; a user `_page.json` replaces the
/// page-wide post rules. Nothing is recompiled.
public struct ProfileCatalog: Sendable {
    /// One profile and the file it came from.
    public struct Entry: Sendable {
        public var profile: Profile
        /// The file the profile was read from, or `nil` for a bundled profile.
        public var file: String?
        /// True when this user profile replaces a bundled profile of the same name.
        public var replacesBundled: Bool
    }

    /// Every profile in use, sorted by name.
    public private(set) var entries: [Entry]
    /// The page-wide post rules in use.
    public private(set) var pageDefaults: PostRules
    /// The user file that replaced the bundled `_page.json`, if any.
    public private(set) var pageDefaultsFile: String?

    /// The set to hand to ``ThreadExtractor``.
    public var profileSet: ProfileSet {
        ProfileSet(profiles: entries.map(\.profile), pageDefaults: pageDefaults)
    }

    /// The bundled profiles, overlaid with those in `userDirectory` when given.
    /// - Throws: ``ProfileError`` naming the folder or file that cannot be used.
    public static func load(userDirectory: URL?) throws -> ProfileCatalog {
        let bundled = try ProfileSet.bundled()
        var byName: [String: Entry] = [:]
        for profile in bundled.profiles {
            byName[profile.name] = Entry(profile: profile, file: nil, replacesBundled: false)
        }
        var catalog = ProfileCatalog(entries: [], pageDefaults: bundled.pageDefaults, pageDefaultsFile: nil)
        if let userDirectory {
            let user = try userFiles(in: userDirectory)
            var seen: [String: String] = [:]
            for file in user {
                if file.lastPathComponent == "_page.json" {
                    catalog.pageDefaults = try decode(PostRules.self, from: file)
                    catalog.pageDefaultsFile = file.path
                    continue
                }
                let profile = try decode(Profile.self, from: file)
                if let earlier = seen[profile.name] {
                    throw ProfileError(
                        file: file.path,
                        reason: "the profile name \"\(profile.name)\" is also used by \(earlier): rename one of them")
                }
                seen[profile.name] = file.path
                let replaces = byName[profile.name].map { $0.file == nil } ?? false
                byName[profile.name] = Entry(profile: profile, file: file.path, replacesBundled: replaces)
            }
        }
        catalog.entries = byName.values.sorted { $0.profile.name < $1.profile.name }
        return catalog
    }

    private static func userFiles(in directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ProfileError(
                file: directory.path, reason: "not a folder: --profiles takes a folder of *.json profile files")
        }
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        } catch {
            throw ProfileError(file: directory.path, reason: "cannot list this folder: \(error.localizedDescription)")
        }
        let profiles = files.filter { $0.pathExtension == "json" }.sorted {
            $0.lastPathComponent < $1.lastPathComponent
        }
        guard !profiles.isEmpty else {
            throw ProfileError(file: directory.path, reason: "holds no *.json profile files")
        }
        return profiles
    }

    private static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: try Data(contentsOf: file))
        } catch let error as DecodingError {
            throw ProfileError(file: file.path, reason: "not a valid profile: \(ProfileCatalog.explain(error))")
        } catch {
            throw ProfileError(file: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// A decoding error as a sentence naming the JSON path.
    static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}

extension ProfileSet {
    /// A digest of every rule in the set: crawls record it with each archive they read,
    /// so changed profiles re-read an archive instead of keeping threads the old rules made.
    public var digest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Data()
        for profile in profiles.sorted(by: { $0.name < $1.name }) {
            bytes.append((try? encoder.encode(profile)) ?? Data(profile.name.utf8))
            bytes.append(0x0A)
        }
        bytes.append((try? encoder.encode(pageDefaults)) ?? Data())
        return bytes.withUnsafeBytes { SHA1.hex($0) }
    }
}

extension ProfileCatalog {
    /// The profiles as a text table: name, platform, priority, what gates them, and
    /// where each came from (`bundled`, or the user file and whether it replaces one).
    public func renderTable() -> String {
        let header = ["profile", "platform", "priority", "requires", "source"]
        let rows = entries.map { entry -> [String] in
            let p = entry.profile
            let gate = p.requires.isEmpty ? "(always tried)" : p.requires.joined(separator: " | ")
            let source = entry.file.map { entry.replacesBundled ? "\($0) (replaces bundled)" : $0 } ?? "bundled"
            return [p.name, p.platform, String(p.priority), gate, source]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { index, pair in
                index == cells.count - 1 ? pair.0 : pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var out = [line(header)] + rows.map(line)
        out.append(
            "page-wide post rules: " + (pageDefaultsFile ?? "bundled")
                + "; comments no profile finds go to the generic fallback")
        return out.joined(separator: "\n")
    }
}
