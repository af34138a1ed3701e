/// How ``ThreadExtractor`` decided what reads a page: every profile's trial, the
/// fallbacks' outcomes, and the choice with its reason. Made by
/// ``ThreadExtractor/explain(bytes:source:declaredEncoding:)`` with the same code as
/// the real choice.
public struct ProfileExplanation: Sendable {
    /// One profile tried on the page.
    public struct Trial: Sendable {
        public var name: String
        public var platform: String
        public var priority: Int
        /// True when the page holds one of the profile's `requires` strings, or the
        /// profile has none, or the page is UTF-16 (not searched as bytes).
        public var requiresPassed: Bool
        /// The `requires` string found in the page, if one was needed and found.
        public var requiresHit: String?
        /// Comment items the profile's `item` rule selected; `nil` when the rule did
        /// not run (gate failed, or the profile has no comment rules).
        public var commentItems: Int?
        /// The first `detect` rule that matched the page, if any.
        public var detectMatched: String?
    }

    /// The profiles in try order (highest priority first, then by name).
    public var profiles: [Trial]
    /// Comments in schema.org JSON-LD scripts (0 when there are none).
    public var jsonLDComments: Int
    /// Comment blocks the generic fallback found (0 when none).
    public var genericComments: Int
    /// Where the generic fallback found them, e.g. `5 blocks <div> under div#comments`.
    public var genericSummary: String?
    /// The service whose comment placeholder or loader is in the page (`disqus` …),
    /// whether or not comments were also found.
    public var hostedService: String?
    /// The profile whose comments were kept (`generic` and `schema-org-jsonld` for
    /// the fallbacks) or that recognised the platform; `nil` when none did.
    public var chosen: String?
    /// The platform written to the record.
    public var platform: String?
    /// Why, e.g. `most comment items: 12` or `tie broken by priority`.
    public var reason: String
}

extension ProfileExplanation {
    /// The explanation as text: one line per profile tried (gate, comment items,
    /// detect match), the fallbacks, and the choice with its reason.
    public func render() -> String {
        let width = profiles.map(\.name.count).max() ?? 7
        var lines = ["profiles tried, in order (priority, then name):"]
        for trial in profiles {
            let gate: String
            if !trial.requiresPassed {
                gate = "skipped: none of its required strings is in the page"
            } else if let items = trial.commentItems {
                gate =
                    "\(items) comment item\(items == 1 ? "" : "s")"
                    + (trial.requiresHit.map { " (gate \"\($0)\")" } ?? "")
            } else {
                gate = "no comment rules"
            }
            let detect = trial.detectMatched.map { "; platform recognised by \($0)" } ?? ""
            lines.append(
                "  " + trial.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  \(trial.platform) [\(trial.priority)]: \(gate)\(detect)")
        }
        lines.append("schema.org JSON-LD: \(jsonLDComments) comment\(jsonLDComments == 1 ? "" : "s")")
        lines.append(
            "generic fallback:   \(genericComments) block\(genericComments == 1 ? "" : "s")"
                + (genericSummary.map { " (\($0))" } ?? ""))
        lines.append("comments hosted by: \(hostedService ?? "no known service")")
        lines.append("chosen:             \(chosen ?? "none") (platform \(platform ?? "unknown")): \(reason)")
        return lines.joined(separator: "\n")
    }
}
