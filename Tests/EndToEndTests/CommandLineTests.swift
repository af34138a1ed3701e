import Foundation
import Testing

/// Runs the built `threadminer` binary as a user would and checks its whole
/// behaviour: output, files written and exit status.
enum Binary {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demoArchive = repository.appendingPathComponent("notebooks-data/demo-archive")

    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("threadminer")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = try start(arguments, in: directory)
        let (out, err) = (process.standardOutput as! Pipe, process.standardError as! Pipe)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func start(_ arguments: [String], in directory: URL? = nil, quiet: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        }
        try process.run()
        return process
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Number of records in an RFC 4180 file (quoted fields may hold line breaks).
    static func csvRecords(_ url: URL) throws -> Int {
        var inQuotes = false
        var records = 0
        for byte in try Data(contentsOf: url) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == 10, !inQuotes { records += 1 }
        }
        return records - 1
    }
}

@Suite(.serialized) struct CommandLineTests {
    @Test func demoRunsThePipelineAndReportsWhatItDid() throws {
        let dir = try Binary.temporaryDirectory()
        let run = try Binary.run(["demo", "--archive", Binary.demoArchive.path], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for line in [
            "inputs:             35\n", "files:              33\n",
            "archive records:    request 7, response 6, revisit 1, warcinfo 1\n",
            "pages extracted:    48 (index 1, post 47)\n", "pages with comments: 43\n", "comments seen:      309 (",
            "removed:            9 (by admin 5, by author 4)\n", "pending:            4\n", "pingbacks seen:     10\n",
            "revisits:           1\n", "records skipped:    1\n", "  1 × binary content\n",
        ] {
            #expect(run.stdout.contains(line), "missing \(line)")
        }
        #expect(run.stdout.contains("corpus totals:      33 posts, 215 comments, 5 pingbacks, 1 skipped file\n"))
        #expect(run.stderr.contains("broken-upload.html:0: error: skipped: binary content"))
        let csv = dir.appendingPathComponent("threadminer-demo/csv")
        #expect(try Binary.csvRecords(csv.appendingPathComponent("posts.csv")) == 33)
        #expect(try Binary.csvRecords(csv.appendingPathComponent("comments.csv")) == 215)
        #expect(try Binary.csvRecords(csv.appendingPathComponent("pingbacks.csv")) == 5)
        #expect(try Binary.csvRecords(csv.appendingPathComponent("skipped.csv")) == 1)
        #expect(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("threadminer-demo/corpus.sqlite").path))
    }

    @Test func extractWritesOneSortedRecordPerPage() throws {
        let run = try Binary.run(["extract", Binary.demoArchive.path, "--jobs", "2"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 32)
        let files = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect(object["schema"] as? String == "threadminer.thread/1")
            return (object["source"] as! [String: Any])["file"] as! String
        }
        #expect(files == files.sorted())
        #expect(run.stderr.contains("1 of 33 files skipped"))
        let again = try Binary.run(["extract", Binary.demoArchive.path, "--jobs", "1"])
        #expect(again.stdout == run.stdout)
    }

    @Test func inspectShowsTheThreadAsATree() throws {
        let page = try FileManager.default.subpathsOfDirectory(atPath: Binary.demoArchive.path)
            .filter { $0.hasPrefix("influencewatch") && $0.hasSuffix(".html") }.sorted()
        let run = try Binary.run(["inspect", Binary.demoArchive.appendingPathComponent(page[1]).path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("platform: blogger (profile blogger-threaded"))
        #expect(run.stdout.contains("\n#1 "))
        #expect(run.stdout.contains("\n    #"))
    }

    @Test func profilesListsThemAndExplainsAPage() throws {
        let list = try Binary.run(["profiles"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("\nwordpress "))
        #expect(list.stdout.contains("bundled"))
        let page = try FileManager.default.subpathsOfDirectory(atPath: Binary.demoArchive.path)
            .filter { $0.hasPrefix("influencewatch") && $0.hasSuffix(".html") }.sorted()
        let run = try Binary.run(["profiles", Binary.demoArchive.appendingPathComponent(page[1]).path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("chosen:             blogger-threaded (platform blogger): most comment items: "))
        #expect(run.stdout.contains("skipped: none of its required strings is in the page"))
        let dir = try Binary.temporaryDirectory()
        try Data(#"{"name": "mine", "comments": {"item": "//li"}}"#.utf8).write(
            to: dir.appendingPathComponent("m.json"))
        let bad = try Binary.run(["profiles", "--profiles", dir.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("m.json: not a valid profile: missing key \"platform\""))
    }

    @Test func aSecondCrawlPassesOverStoredFiles() throws {
        let dir = try Binary.temporaryDirectory()
        let db = dir.appendingPathComponent("c.sqlite").path
        #expect(try Binary.run(["crawl", Binary.demoArchive.path, "--db", db]).status == 0)
        let second = try Binary.run(["crawl", Binary.demoArchive.path, "--db", db])
        #expect(second.status == 0)
        #expect(second.stdout.contains("files:              33 (33 already in the corpus, passed over)"))
        #expect(second.stdout.contains("inputs:             35 (2 unchanged since the last crawl, passed over)"))
        #expect(second.stdout.contains("corpus totals:      33 posts, 215 comments, 5 pingbacks, 1 skipped file"))
    }

    @Test func killedCrawlsResumeToTheSameExport() throws {
        let dir = try Binary.temporaryDirectory()
        let archive = dir.appendingPathComponent("archive")
        for copy in 0..<30 {
            try FileManager.default.copyItem(
                at: Binary.demoArchive, to: archive.appendingPathComponent("copy-\(copy)"))
        }
        let reference = dir.appendingPathComponent("ref.sqlite").path
        #expect(try Binary.run(["crawl", archive.path, "--db", reference, "--jobs", "2"]).status == 0)
        #expect(
            try Binary.run(["export", "--db", reference, "--out", dir.appendingPathComponent("ref").path]).status == 0)
        let killed = dir.appendingPathComponent("killed.sqlite").path
        for delay in [0.15, 0.3, 0.6] {
            let process = try Binary.start(["crawl", archive.path, "--db", killed, "--jobs", "2"], quiet: true)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(try Binary.run(["crawl", archive.path, "--db", killed, "--jobs", "1"]).status == 0)
        #expect(
            try Binary.run(["export", "--db", killed, "--out", dir.appendingPathComponent("killed").path]).status == 0)
        for name in ["posts.csv", "comments.csv", "pingbacks.csv", "skipped.csv"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("ref/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("killed/\(name)"))
            #expect(a == b, "\(name) differs after kill -9 and resume")
        }
    }

    /// A WARC of the demo pages, each saved under 15 URLs at two times: enough
    /// records for a kill to land mid-file.
    static func demoWARC(in dir: URL) throws -> URL {
        var warc = Data()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: Binary.demoArchive.path).sorted()
            .filter { $0.hasSuffix(".html") }
        var serial = 0
        for copy in 0..<15 {
            for (time, page) in ["2011-07-25T10:00:00Z", "2011-09-01T12:00:00Z"].flatMap({ t in pages.map { (t, $0) } })
            {
                serial += 1
                let body = try Data(contentsOf: Binary.demoArchive.appendingPathComponent(page))
                var http = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8)
                http.append(body)
                let header = [
                    "WARC/1.0", "WARC-Type: response", "WARC-Record-ID: <urn:uuid:\(serial)>", "WARC-Date: \(time)",
                    "WARC-Target-URI: http://copy\(copy).example/\(page)",
                    "Content-Type: application/http; msgtype=response",
                    "Content-Length: \(http.count)",
                ].joined(separator: "\r\n")
                warc.append(Data((header + "\r\n\r\n").utf8))
                warc.append(http)
                warc.append(Data("\r\n\r\n".utf8))
            }
        }
        let file = dir.appendingPathComponent("demo.warc")
        try warc.write(to: file)
        return file
    }

    @Test func killedArchiveCrawlsResumeToTheSameExport() throws {
        let dir = try Binary.temporaryDirectory()
        let warc = try Self.demoWARC(in: dir)
        let reference = dir.appendingPathComponent("ref.sqlite").path
        #expect(try Binary.run(["crawl", warc.path, "--db", reference, "--jobs", "2"]).status == 0)
        #expect(
            try Binary.run(["export", "--db", reference, "--out", dir.appendingPathComponent("ref").path]).status == 0)
        let killed = dir.appendingPathComponent("killed.sqlite").path
        for delay in [0.2, 0.4, 0.8] {
            let process = try Binary.start(["crawl", warc.path, "--db", killed, "--jobs", "2"], quiet: true)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let resumed = try Binary.run(["crawl", warc.path, "--db", killed, "--jobs", "1"])
        #expect(resumed.status == 0)
        let again = try Binary.run(["crawl", warc.path, "--db", killed])
        #expect(again.stdout.contains("nothing to do: every input is unchanged since it was crawled"))
        #expect(
            try Binary.run(["export", "--db", killed, "--out", dir.appendingPathComponent("killed").path]).status == 0)
        for name in ["posts.csv", "comments.csv", "pingbacks.csv", "captures.csv", "skipped.csv"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("ref/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("killed/\(name)"))
            #expect(a == b, "\(name) differs after kill -9 and resume")
        }
    }

    @Test func ctrlCFinishesTheBatchAndARerunCompletes() throws {
        let dir = try Binary.temporaryDirectory()
        let archive = dir.appendingPathComponent("archive")
        for copy in 0..<30 {
            try FileManager.default.copyItem(at: Binary.demoArchive, to: archive.appendingPathComponent("copy-\(copy)"))
        }
        let reference = dir.appendingPathComponent("ref.sqlite").path
        #expect(try Binary.run(["crawl", archive.path, "--db", reference]).status == 0)
        let db = dir.appendingPathComponent("c.sqlite").path
        let process = try Binary.start(["crawl", archive.path, "--db", db, "--jobs", "1"])
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        let out = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 130 {
            #expect(String(decoding: out, as: UTF8.self).contains("interrupted: run the same command again to resume"))
        } else {
            #expect(process.terminationStatus == 0, "a crawl that finished before the signal must still succeed")
        }
        #expect(try Binary.run(["crawl", archive.path, "--db", db]).status == 0)
        for run in [("ref", reference), ("c", db)] {
            #expect(
                try Binary.run(["export", "--db", run.1, "--out", dir.appendingPathComponent(run.0).path]).status == 0)
        }
        for name in ["posts.csv", "comments.csv", "pingbacks.csv", "skipped.csv"] {
            #expect(
                try Data(contentsOf: dir.appendingPathComponent("ref/\(name)"))
                    == Data(contentsOf: dir.appendingPathComponent("c/\(name)")), "\(name)")
        }
    }

    @Test func errorsSayWhatToDoAndSetTheExitStatus() throws {
        let missing = try Binary.run(["crawl", "/nonexistent/archive", "--db", "/tmp/tm-unused.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/archive: no such file or folder; check the path and try again"))
        let usage = try Binary.run(["crawl", "x", "--jobs", "0"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--jobs must be at least 1"))
    }
}
