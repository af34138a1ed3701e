import ArgumentParser
import Foundation
import WebArchive

extension Threadminer {
    struct Records: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the records of WARC and ARC files (plain or gzip) as JSON lines.",
            discussion: """
                One JSON object per record on stdout: file, offset (seekable: the gzip member or plain \
                byte offset), length, type, target_uri, date, captured (ISO UTC), record_id, content_type, \
                content_length, payload_digest. Damage (file, offset, reason) goes to stderr; reading goes on \
                after it. Exits 0 when every file could be opened.
                """)

        @Argument(help: "WARC or ARC files.")
        var files: [String]

        func run() throws {
            let out = StandardOutput()
            var damaged = 0
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
                    throw InputError(description: error.description)
                }
            }
            try out.flush()
            if damaged > 0 { Terminal.error("\(damaged) problems reported; the readable records are listed") }
        }
    }
}
