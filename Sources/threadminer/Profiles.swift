import ArgumentParser
import Extraction
import Foundation
import Markup
import ThreadModel

extension Threadminer {
    struct Profiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the extraction profiles, or show which one matches a page and why.",
            discussion: """
                Without a page: every profile in use (bundled, plus those of --profiles DIR, where a file \
                whose "name" equals a bundled profile replaces it). With a page: every profile tried on it, \
                what each found, and the one chosen.
                """)

        @Argument(help: "An HTML file to explain (optional).")
        var page: String?

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let catalog = try options.catalog()
            guard let page else {
                print(catalog.renderTable())
                return
            }
            let extractor = try ThreadExtractor(
                profiles: catalog.profileSet, limits: ParseLimits(maxBytes: options.maxPageBytes))
            let data = try PageFile.read(page, maxBytes: options.maxPageBytes)
            let explanation: ProfileExplanation
            do {
                explanation = try data.withUnsafeBytes { bytes throws(ExtractionError) in
                    try extractor.explain(bytes: bytes, source: SourceInfo(file: page))
                }
            } catch {
                throw InputError(description: "\(page): \(error); nothing to explain")
            }
            print(explanation.render())
        }
    }
}
