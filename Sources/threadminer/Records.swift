import ArgumentParser
import Foundation
import WebArchive

extension Threadminer {
    struct Records: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the records of WARC and ARC files (plain or gzip) as JSON lines.",
            discussion: """
                One JSON object per record on stdout: file, offset (seekable: the gzip member or plain \
                byte offset), offset_is_decoded (true when one gzip member holds several records, as in a \
                file compressed whole: the offset then counts decompressed bytes), length (to the next \
                record), format, type, target_uri, date (as written), captured (ISO UTC), record_id, \
                content_type, content_length, payload_digest. Damage goes to stderr as \
                FILE:OFFSET: warning: REASON; reading goes on after it. Exits 0 when every file could be \
                opened, 1 otherwise (the others are still listed).
                """)

        @Argument(help: "WARC or ARC files.")
        var files: [String]

        func run() throws {
            let out = StandardOutput()
            var damaged = 0
            var unreadable: [String] = []
            for file in files {
                do {
                    try RecordListing.list(
                        path: file,
                        entry: { entry in
                            try out.write(try entry.jsonLine())
                            try out.write("\n")
                        },
                        damage: { damage in
                            damaged += 1
                            Terminal.error("\(file):\(damage.offset): warning: \(damage.reason)")
                        })
                } catch let error as ArchiveError {
                    Terminal.error("error: \(error.description)")
                    unreadable.append(file)
                }
            }
            try out.flush()
            if damaged > 0 { Terminal.error("\(damaged) problems reported; the readable records are listed") }
            if !unreadable.isEmpty {
                throw InputError(description: "\(unreadable.count) of \(files.count) files could not be read")
            }
        }
    }
}
