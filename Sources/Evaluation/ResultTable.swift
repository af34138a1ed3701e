/// A table of scores, one row per page, per platform and in total, rendered as fixed-width
/// text or as CSV.
///
/// Rows keep the order given within their scope; rendering puts page rows first, then
/// platform rows, then total rows, so the output depends only on the rows.
public struct ResultTable: Sendable, Equatable {
    /// What a row sums up.
    public enum Scope: String, Sendable, CaseIterable {
        case page, platform, total
    }

    /// One cell.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case count(Int)
        /// A rate, or `nil` when there was nothing to score.
        case rate(Double?)
    }

    /// One row: its scope and one cell per column.
    public struct Row: Sendable, Equatable {
        public var scope: Scope
        public var cells: [Cell]

        public init(_ scope: Scope, _ cells: [Cell]) {
            self.scope = scope
            self.cells = cells
        }
    }

    /// Column names.
    public var columns: [String]
    /// How many leading columns hold labels: they align left in text, the others right.
    public var labelColumns: Int
    public var rows: [Row]

    public init(columns: [String], labelColumns: Int = 2, rows: [Row] = []) {
        self.columns = columns
        self.labelColumns = labelColumns
        self.rows = rows
    }

    /// Fixed-width text: a header, then the page, platform and total rows, each group
    /// under a rule of dashes (empty groups are left out).
    ///
    /// Rates print with three decimals and a rate with nothing to score as `–`.
    /// - Parameter pages: Include the page rows.
    public func renderText(pages: Bool = true) -> String {
        let scopes = pages ? Scope.allCases : [.platform, .total]
        let sections =
            [[columns]]
            + scopes.map { scope in rows.filter { $0.scope == scope }.map { $0.cells.map(Self.text) } }
            .filter { !$0.isEmpty }
        let widths = columns.indices.map { c in sections.joined().map { $0[c].count }.max() ?? 0 }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return c < labelColumns ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ")
        }
        return sections.map { $0.map(line).joined(separator: "\n") }.joined(separator: "\n\(rule)\n") + "\n"
    }

    /// RFC 4180 CSV (UTF-8, CRLF line ends, fields quoted when they hold a comma, quote,
    /// CR or LF, quotes doubled): a header row `scope,<columns>`, then every row, page
    /// rows first, in the order of ``renderText(pages:)``.
    ///
    /// Rates are written in full precision (Swift's shortest round-trip form, `.` as the
    /// decimal point whatever the locale); a rate with nothing to score is an empty cell.
    public func renderCSV() -> String {
        let ordered = Scope.allCases.flatMap { scope in rows.filter { $0.scope == scope } }
        let lines = [["scope"] + columns] + ordered.map { [$0.scope.rawValue] + $0.cells.map(Self.csvValue) }
        return lines.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): s
        case .count(let n): String(n)
        case .rate(let value): value.map(threeDecimals) ?? "–"
        }
    }

    private static func csvValue(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): s
        case .count(let n): String(n)
        case .rate(let value): value.map { String($0) } ?? ""
        }
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Three decimals, independent of locale.
    private static func threeDecimals(_ value: Double) -> String {
        let milli = Int((value * 1000).rounded())
        let fraction = String(milli % 1000)
        return "\(milli / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
