/// Rows in aligned columns for the `list` commands' human output (`--json` prints the server's JSON).
public struct TextTable: Sendable, Hashable {
    /// Column titles.
    public var headers: [String]
    /// Cells, one array per row.
    public var rows: [[String]]

    /// A table with `headers`.
    public init(headers: [String], rows: [[String]] = []) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as text: columns padded to their widest cell, separated by two spaces, no
    /// trailing spaces; the last line ends with a newline.
    public func rendered() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let last = index == cells.count - 1
                text += last ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return text
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
