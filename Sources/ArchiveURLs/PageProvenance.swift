public import Foundation

/// Where a saved page came from and when it was captured, read from the markers archiving
/// tools leave in it (ARCHIVES.md §2.2, §4, §5). Only the first and last 64 KB are read, as
/// bytes: markers in UTF-16 pages are not found.
///
/// URL precedence: `__wm.wombat` → Wayback toolbar (`wm-ipp-print`, `__wm.bt`,
/// `wbCurrentUrl`) → the page's own URL as a saver wrote it (SingleFile `url:`, HTTrack
/// footer, `saved from url=`, in that order), unwrapped when it is a Wayback URL.
/// Time precedence (ARCHIVES.md §2.3, then the savers): `__wm.wombat` stamp or epoch →
/// toolbar stamp → `FILE ARCHIVED ON` trailer → `sWayBackCGI` → the stamp of the page's own
/// Wayback URL → HTTrack footer date → SingleFile `saved date:`. A browser save has no time.
public struct PageProvenance: Sendable, Hashable {
    /// The archive the content came from: a Wayback replay page wins even when another tool
    /// saved it again (its time is the capture, the saver's is not); otherwise the saver
    /// whose URL was used, or the first found of SingleFile, HTTrack, browser save.
    public enum Tool: String, Sendable, Hashable {
        case waybackReplay
        case httrack
        case singleFile
        case browserSave
    }

    /// The marker that gave ``captured``.
    public enum TimeSource: String, Sendable, Hashable {
        case waybackScript
        case waybackToolbar
        case waybackTrailer
        case waybackCGI
        /// The timestamp of the Wayback URL a saver recorded as the page's own.
        case waybackURL
        case httrackFooter
        case singleFileDate
    }

    public let tool: Tool
    /// The original URL (`http(s)` only), or `nil` when no marker gives one.
    public let url: String?
    /// `YYYY-MM-DDTHH:MM:SSZ`, or `nil` when no marker gives a time.
    public let captured: String?
    public let timeSource: TimeSource?

    /// `nil` when the page carries none of the markers.
    public init?(bytes: UnsafeRawBufferPointer) {
        let page = PageWindow(bytes)
        let replay = ReplayMarkers(page)
        let savers = SaverMarkers(page)
        let saved = [
            (Tool.singleFile, savers.singleFile), (.httrack, savers.httrack), (.browserSave, savers.savedFrom),
        ]
        .compactMap { tool, mark in mark.map { (tool: tool, url: $0.url) } }
        let own = saved.first { $0.url != nil }
        let ownReplay = own?.url.flatMap { WaybackURL($0) }
        guard let tool = replay.present || ownReplay != nil ? .waybackReplay : own?.tool ?? saved.first?.tool else {
            return nil
        }
        self.tool = tool
        url = replay.script.url ?? replay.toolbar.url ?? ownReplay.map { WaybackURL.unwrap($0.original) } ?? own?.url
        let times: [(TimeSource, CivilTime?)] = [
            (.waybackScript, replay.script.time), (.waybackToolbar, replay.toolbar.time),
            (.waybackTrailer, replay.trailer), (.waybackCGI, replay.cgi),
            (.waybackURL, ownReplay.flatMap { CivilTime(stamp: $0.timestamp) }),
            (.httrackFooter, savers.httrack?.time), (.singleFileDate, savers.singleFile?.time),
        ]
        let first = times.first { $0.1 != nil }
        captured = first?.1?.iso
        timeSource = first?.0
    }

    /// As ``init(bytes:)``.
    public init?(data: Data) {
        guard let read = data.withUnsafeBytes({ PageProvenance(bytes: $0) }) else { return nil }
        self = read
    }

    /// True when the page is (a save of) a Wayback Machine replay page, whose links are
    /// rewritten and should go through ``WaybackURL/unwrap(_:collection:)``.
    public static func isWaybackReplay(bytes: UnsafeRawBufferPointer) -> Bool {
        PageProvenance(bytes: bytes)?.tool == .waybackReplay
    }

    /// As ``isWaybackReplay(bytes:)``.
    public static func isWaybackReplay(data: Data) -> Bool { PageProvenance(data: data)?.tool == .waybackReplay }
}
