import Extraction
import Foundation
import Testing
import ThreadModel

/// `--profiles DIR`: user profiles laid over the bundled ones without recompiling.
@Suite struct ProfileCatalogTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let notes = #"""
        {"name": "notes", "platform": "tinyblog", "priority": 50,
         "comments": {"item": "//div[@class='note']", "author": ["b"], "text": ["p"],
                      "anonymous": ["\\s*\\(guest\\)$"]}}
        """#

    @Test func aUserProfileIsAddedAndUsedWithoutRecompiling() throws {
        let dir = try Self.folder(["notes.json": Self.notes])
        let catalog = try ProfileCatalog.load(userDirectory: dir)
        let bundled = try ProfileSet.bundled().profiles.map(\.name)
        #expect(catalog.entries.map(\.profile.name) == (bundled + ["notes"]).sorted())
        let entry = try #require(catalog.entries.first { $0.profile.name == "notes" })
        #expect(entry.file == dir.appendingPathComponent("notes.json").path)
        #expect(!entry.replacesBundled)
        let extractor = try ThreadExtractor(profiles: catalog.profileSet)
        let html =
            "<div class='note'><b>Zoe (guest)</b><p>Hi there</p></div><div class='note'><b>Yan</b><p>Yo</p></div>"
        let r = try extractor.extract(data: Data(html.utf8), source: SourceInfo(file: "t.html")).record
        #expect(r.profile == "notes")
        #expect(r.comments.map(\.author) == ["Zoe", "Yan"])
        #expect(r.comments.map(\.isAnonymous) == [true, false])
        #expect(catalog.renderTable().contains(entry.file!))
    }

    @Test func aUserProfileWithABundledNameReplacesIt() throws {
        let replacement = #"{"name": "wordpress", "platform": "wordpress", "detect": ["//meta[@name='x']"]}"#
        let dir = try Self.folder(["mine.json": replacement])
        let catalog = try ProfileCatalog.load(userDirectory: dir)
        let entries = catalog.entries.filter { $0.profile.name == "wordpress" }
        #expect(entries.count == 1)
        #expect(entries.first?.replacesBundled == true)
        #expect(entries.first?.profile.comments == nil)
        #expect(catalog.renderTable().contains("(replaces bundled)"))
        #expect(catalog.profileSet.digest != (try ProfileSet.bundled()).digest)
    }

    @Test func theBundledSetHasAStableDigest() throws {
        #expect(try ProfileCatalog.load(userDirectory: nil).profileSet.digest == ProfileSet.bundled().digest)
        #expect(try ProfileSet.bundled().digest.count == 40)
    }

    @Test func problemsNameTheFileAndWhatToDo() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        #expect(throws: ProfileError.self) { try ProfileCatalog.load(userDirectory: missing) }
        do {
            _ = try ProfileCatalog.load(userDirectory: missing)
        } catch {
            #expect("\(error)".contains("not a folder"))
        }
        let empty = try Self.folder([:])
        #expect(throws: ProfileError.self) { try ProfileCatalog.load(userDirectory: empty) }

        let broken = try Self.folder(["bad.json": #"{"name": "x", "comments": {"item": "//li"}}"#])
        do {
            _ = try ProfileCatalog.load(userDirectory: broken)
            Issue.record("a profile without a platform was accepted")
        } catch {
            #expect("\(error)".contains("bad.json"))
            #expect("\(error)".contains("missing key \"platform\""))
        }

        let twice = try Self.folder(["a.json": Self.notes, "b.json": Self.notes])
        do {
            _ = try ProfileCatalog.load(userDirectory: twice)
            Issue.record("two profiles with one name were accepted")
        } catch {
            #expect("\(error)".contains("b.json"))
            #expect("\(error)".contains("also used by"))
        }
    }
}

/// Moderation sentences found at either end of a line, however long the comment.
@Suite struct PendingSentenceTests {
    @Test func sentencesAreFoundAtEitherEndOfAnyLine() {
        let locale = LocaleStrings.bundled
        let long = String(repeating: "A long paragraph of a comment. ", count: 40)
        let alone = locale.strippingPending(from: long + "\nYour comment is awaiting moderation.")
        #expect(alone.pending && alone.text == long)
        let before = locale.strippingPending(from: "Votre commentaire est en attente de modération. " + long)
        #expect(before.pending && before.text == long.trimmingCharacters(in: .whitespaces))
        let after = locale.strippingPending(from: long + " Il tuo commento è in attesa di moderazione.")
        #expect(after.pending && after.text == long.trimmingCharacters(in: .whitespaces))
        let inside = locale.strippingPending(from: long + "Your comment is awaiting moderation." + long)
        #expect(!inside.pending)
    }
}
