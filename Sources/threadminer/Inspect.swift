import ArgumentParser
import Crawl
import Extraction
import Foundation
import Reporting

extension Threadminer {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one page's thread as an indented tree, to check extraction.")

        @Argument(help: "An HTML file.")
        var page: String

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let extractor = try ThreadExtractor(profiles: try options.profiles())
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: page))
            } catch {
                throw ValidationError("\(page): cannot read this file; check the path and permissions.")
            }
            let extraction = try extractor.extract(data: data, source: .init(file: page))
            print(
                ThreadTree.render(
                    extraction.record, profile: extraction.profile,
                    encoding: "\(extraction.encoding) (\(extraction.encodingSource.rawValue))"))
        }
    }
}
