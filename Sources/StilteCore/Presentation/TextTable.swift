/// Rows of cells for a listing: on a terminal an aligned table under a header, for a program
/// (output piped) tab-separated values, one row a line, without the header.
public struct TextTable: Sendable, Equatable {
    /// The column titles, shown above the aligned table only.
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The header and the rows, each column padded to its widest cell (by visible width),
    /// two spaces between columns; the last column is not padded.
    public func aligned() -> [String] {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { $0.indices.contains(column) ? VisibleText.width($0[column]) : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - VisibleText.width(cell) + 2)
            }.joined()
        }
    }

    /// The rows as tab-separated values; a tab or a line break inside a cell becomes a space.
    public func tabSeparated() -> [String] {
        rows.map { row in
            row.map { $0.replacingTabsAndBreaks() }.joined(separator: "\t")
        }
    }

    /// ``aligned()`` for a person at a terminal, else ``tabSeparated()``.
    public func lines(forTerminal terminal: Bool) -> [String] {
        terminal ? aligned() : tabSeparated()
    }
}

extension String {
    fileprivate func replacingTabsAndBreaks() -> String {
        String(map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
