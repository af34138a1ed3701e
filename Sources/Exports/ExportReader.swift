public import Foundation
import Markup
import ThreadModel

/// Reads Blogger "Back up content" Atom files and WordPress WXR files into thread
/// records, one per published post or page (drafts, attachments, menu items,
/// templates and settings are passed over; a post without comments still gets one).
///
/// Each record's `source` is `SourceInfo(file: path, offset: n, url: permalink,
/// captured: nil)`, where `n` is the ordinal, from 1, of the post's `<entry>`
/// (Blogger) or `<item>` (WordPress) among all entries or items of the file: stable
/// for a given file, and what ``ExportProblem/entry`` counts too. Exports carry no
/// capture time. Dates are the local date-time the export writes, to the second.
public enum ExportReader {
    /// Reads one export file.
    /// - Parameters:
    ///   - data: the whole file.
    ///   - path: the file's name as records should cite it.
    ///   - siteURL: the blog's address (`https://example.blogspot.com`), for Blogger
    ///     2018-schema files whose entries give only a path and whose feed names no
    ///     address; ignored otherwise.
    /// - Throws: ``ExportError`` when the file is not an export, not well-formed XML,
    ///   or lacks the export's outer elements. Entries that cannot be read are
    ///   reported in ``ExportContents/problems`` instead.
    public static func read(_ data: Data, path: String, siteURL: String? = nil) throws(ExportError) -> ExportContents {
        guard let format = ExportFormat.detect(data) else {
            throw ExportError(
                kind: .notAnExport, file: path,
                reason: "not a Blogger Atom export or WordPress WXR export (checked the first "
                    + "\(ExportFormat.headLength) bytes)",
                remedy: "pass a file saved by Blogger's Back up content or WordPress's Tools → Export")
        }
        let namespaces: [String: String]
        switch format {
        case .bloggerLegacy, .blogger2018: namespaces = BloggerReader.namespaces
        case .wordpress(let version): namespaces = WXRReader.namespaces(version: version)
        }
        let document = try parse(data, path: path, namespaces: namespaces)
        let read: (records: [ThreadRecord], problems: [ExportProblem])
        switch format {
        case .bloggerLegacy, .blogger2018:
            read = try compiled { () throws(MarkupError) in
                try BloggerReader(document: document, path: path, format: format, siteURL: siteURL)
            }.read()
        case .wordpress:
            read = try compiled { () throws(MarkupError) in try WXRReader(document: document, path: path) }.read()
        }
        return ExportContents(
            format: format, records: read.records, problems: read.problems, repairedBytes: document.repairedBytes)
    }

    /// A reader, whose fixed XPath expressions always compile.
    private static func compiled<Reader>(_ make: () throws(MarkupError) -> Reader) -> Reader {
        do {
            return try make()
        } catch {
            preconditionFailure("Exports: a built-in XPath expression does not compile: \(error)")
        }
    }

    private static func parse(_ data: Data, path: String, namespaces: [String: String]) throws(ExportError)
        -> Markup.XMLDocument
    {
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(XMLDocumentError) in try Markup.XMLDocument(bytes: bytes, namespaces: namespaces) }
        }
        switch parsed {
        case .success(let document):
            return document
        case .failure(.notWellFormed(let line, let column, let reason)):
            throw ExportError(
                kind: .notWellFormed, file: path, line: line, reason: "column \(column): \(reason)",
                remedy: "the file is damaged or cut short: download the export again, or repair the XML there")
        case .failure(.input(let error)):
            throw ExportError(
                kind: .unreadable, file: path, reason: error.description,
                remedy: "check that the file is a complete export and not another kind of file")
        }
    }
}
