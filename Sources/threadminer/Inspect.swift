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
            let size = (try? FileManager.default.attributesOfItem(atPath: page))?[.size] as? Int
            guard let size, let data = FileManager.default.contents(atPath: page) else {
                throw InputError(description: "\(page): cannot read this file; check the path and permissions")
            }
            guard size <= options.maxPageBytes else {
                throw InputError(
                    description: "\(page): \(MarkupError.tooLarge(bytes: size, limit: options.maxPageBytes))")
            }
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
