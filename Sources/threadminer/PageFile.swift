import Foundation
import Markup

/// Reading one page named on the command line, with the size limit applied first.
enum PageFile {
    /// - Throws: ``InputError`` naming the file when it cannot be read or is too large.
    static func read(_ path: String, maxBytes: Int) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        guard let size, let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "\(path): cannot read this file; check the path and permissions")
        }
        guard size <= maxBytes else {
            throw InputError(description: "\(path): \(MarkupError.tooLarge(bytes: size, limit: maxBytes))")
        }
        return data
    }
}
