import ArgumentParser
import Crawl
import Extraction
import Foundation
import Markup
import Reporting

extension Threadminer {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one page's thread as an indented tree, to check extraction.")

        @Argument(help: "An HTML file.")
        var page: String

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let extractor = try ThreadExtractor(
                profiles: try options.profiles(), limits: ParseLimits(maxBytes: options.maxPageBytes))
            let data = try PageFile.read(page, maxBytes: options.maxPageBytes)
            let extraction: PageExtraction
            do {
                extraction = try extractor.extract(data: data, source: .init(file: page))
            } catch {
                throw InputError(description: "\(page): \(error); nothing to show")
            }
            print(
                ThreadTree.render(
                    extraction.record, profile: extraction.profile,
                    encoding: "\(extraction.encoding) (\(extraction.encodingSource.rawValue))"))
        }
    }
}
