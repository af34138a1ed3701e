import Corpus
import Foundation
import ThreadModel

/// Recognises an input file again without reading all of it: a digest of its size,
/// modification time, first and last 64 KB, and of the rules it was read with.
enum InputFingerprint {
    /// - Parameter rules: a digest of the extraction rules (``ProfileSet/digest``), so an
    ///   input read with other profiles counts as changed.
    static func progress(path: String, kind: InputKind, rules: String) -> InputProgress? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let modified = (attributes[.modificationDate] as? Date).map { String($0.timeIntervalSince1970) } ?? ""
        // The modification time is part of it: an edit that keeps the size and both ends
        // still changes the fingerprint (a `touch` alone costs a re-crawl, never a stale row).
        var sample = Data("\(size)\n\(modified)\n\(rules)\n".utf8)
        sample.append((try? handle.read(upToCount: 65536)) ?? Data())
        if size > 65536 {
            try? handle.seek(toOffset: UInt64(size - 65536))
            sample.append((try? handle.read(upToCount: 65536)) ?? Data())
        }
        let digest = sample.withUnsafeBytes { SHA1.hex($0) }
        return InputProgress(
            path: path, kind: kind.rawValue, size: size, modified: modified, fingerprint: digest, complete: false,
            resumeRecord: 0)
    }
}
