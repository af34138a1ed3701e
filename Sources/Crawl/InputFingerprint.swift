import Corpus
import Foundation
import ThreadModel

/// Recognises an input file again without reading all of it: size, modification
/// time, and a digest of its first and last 64 KB.
enum InputFingerprint {
    static func progress(path: String, kind: InputKind) -> InputProgress? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let modified = (attributes[.modificationDate] as? Date).map { String($0.timeIntervalSince1970) } ?? ""
        var sample = Data("\(size)\n".utf8)
        sample.append((try? handle.read(upToCount: 65536)) ?? Data())
        if size > 65536 {
            try? handle.seek(toOffset: UInt64(size - 65536))
            sample.append((try? handle.read(upToCount: 65536)) ?? Data())
        }
        let digest = sample.withUnsafeBytes { SHA1.hex($0) }
        return InputProgress(
            path: path, kind: kind.rawValue, size: size, modified: modified, fingerprint: digest, complete: false,
            resumeOffset: 0)
    }
}
