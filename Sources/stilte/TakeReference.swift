import ArgumentParser
import Foundation
import StilteCore

/// A take as a user names it: its number in this log, its UUID, or a unique start of its UUID
/// (numbers change when takes move to another machine with `import-bundle`; UUIDs do not).
struct TakeReference: ExpressibleByArgument, CustomStringConvertible {
    /// What was typed, trimmed.
    let text: String

    /// The shortest start of a UUID accepted, in characters: shorter ones would match too many takes.
    static let shortestPrefix = 4

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        self.text = text
    }

    var description: String { text }

    static var defaultCompletionKind: CompletionKind { Completions.takeReferences }

    /// The argument help every command taking a take uses.
    static let help = ArgumentHelp(Phrase(en: "The take: its id or its UUID, or a unique start of the UUID (see `stilte takes`).",
                                             nl: "De opname: het nummer of de UUID, of een uniek begin van de UUID (zie `stilte takes`).").text(Interface.language),
                                   valueName: "take")

    /// The take this names in `log`: a number first as an id, then (as every other text) as the start of a UUID.
    func resolve(in log: any SessionLog) throws -> Take {
        if let id = Int64(text), let take = try log.take(id: id) { return take }
        if let uuid = UUID(uuidString: text), let take = try log.take(uuid: uuid) { return take }
        let isHex = text.allSatisfy { $0.isHexDigit || $0 == "-" }
        if isHex && text.count >= Self.shortestPrefix {
            let matches = try log.takes(TakeFilter()).filter { $0.uuid.uuidString.lowercased().hasPrefix(text) }
            if matches.count == 1, let take = matches.first { return take }
            if matches.count > 1 {
                let ids = matches.prefix(5).map { "\($0.id ?? 0)" }.joined(separator: ", ")
                throw StoreError(.notFound, Phrase(
                    en: "'\(text)' starts the UUIDs of \(matches.count) takes (\(ids)): give more of it",
                    nl: "'\(text)' is het begin van de UUID van \(matches.count) opnamen (\(ids)): geef er meer van").text(Interface.language))
            }
        }
        throw StoreError(.notFound, Phrase(
            en: "no take \(text) in the log; `stilte takes` lists them (give the number or at least \(Self.shortestPrefix) characters of the UUID)",
            nl: "geen opname \(text) in het logboek; `stilte takes` toont ze (geef het nummer of minstens \(Self.shortestPrefix) tekens van de UUID)").text(Interface.language))
    }
}

extension Take {
    /// The first 8 characters of the UUID: what `stilte takes` shows, enough to name a take on any machine.
    var shortUUID: String { String(uuid.uuidString.lowercased().prefix(8)) }
}
