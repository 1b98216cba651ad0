import StilteCore

/// The sentences of the PostgreSQL log's errors, in English and Dutch; each names what is wrong
/// and what to do.
enum PostgresText {
    static func badURL(_ text: String) -> Phrase {
        let shown = String(text.prefix(120)).terminalSafe
        return Phrase(en: "\(shown) is not a PostgreSQL URL; give postgres://USER:PASSWORD@HOST:PORT/DATABASE (sslmode=disable|require)",
                      nl: "\(shown) is geen PostgreSQL-URL; geef postgres://GEBRUIKER:WACHTWOORD@HOST:POORT/DATABASE (sslmode=disable|require)")
    }

    static func unreachable(_ location: String, _ reason: String) -> Phrase {
        Phrase(en: "cannot connect to PostgreSQL at \(location) (\(reason)); start the server or correct STILTE_DATABASE_URL",
               nl: "kan geen verbinding maken met PostgreSQL op \(location) (\(reason)); start de server of verbeter STILTE_DATABASE_URL")
    }

    static func failed(_ reason: String) -> Phrase {
        Phrase(en: "PostgreSQL refused a statement (\(reason)); check the server's log, then try again",
               nl: "PostgreSQL weigerde een opdracht (\(reason)); kijk in het log van de server en probeer het opnieuw")
    }

    static func newerSchema(_ found: Int, known: Int) -> Phrase {
        Phrase(en: "the shared log has schema version \(found), this Stilte knows up to \(known); nothing was changed — upgrade Stilte",
               nl: "het gedeelde log heeft schemaversie \(found), deze Stilte kent tot \(known); er is niets veranderd — werk Stilte bij")
    }

    static let foreign = Phrase(
        en: "the database holds tables of another program; nothing was changed — give Stilte a database of its own",
        nl: "de database bevat tabellen van een ander programma; er is niets veranderd — geef Stilte een eigen database")

    static func unreadable(_ what: String, id: Int64) -> Phrase {
        Phrase(en: "\(what) \(id) in the shared log cannot be read (a damaged value); remove it with `stilte delete \(id) --yes`",
               nl: "\(what) \(id) in het gedeelde log is onleesbaar (een beschadigde waarde); verwijder hem met `stilte delete \(id) --yes`")
    }
}

extension PostgresText {
    static func accountExists(_ name: String) -> Phrase {
        Phrase(en: "there is already an account \(name.terminalSafe); choose another name or `stilte users passwd \(name.terminalSafe)`",
               nl: "er is al een account \(name.terminalSafe); kies een andere naam of `stilte users passwd \(name.terminalSafe)`")
    }

    static func noAccount(_ name: String) -> Phrase {
        Phrase(en: "there is no account \(name.terminalSafe); see `stilte users list`",
               nl: "er is geen account \(name.terminalSafe); zie `stilte users list`")
    }
}
