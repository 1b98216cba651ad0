/// The sentences of ``StoreError``s about unsafe homes, files and logs, in English and Dutch.
/// Each says what is wrong with the path the error names and what to do.
enum StoreText {
    static func cannotCreateDirectory(_ reason: String) -> Phrase {
        pick(en: "cannot create the directory (\(reason)); check the permissions of its parent or set STILTE_HOME",
             nl: "kan de map niet maken (\(reason)); controleer de rechten van de bovenliggende map of zet STILTE_HOME")
    }

    static func cannotCreateFile(_ reason: String) -> Phrase {
        pick(en: "cannot create the file (\(reason)); move away what is there or choose another path",
             nl: "kan het bestand niet maken (\(reason)); haal weg wat er staat of kies een ander pad")
    }

    static func cannotWriteFile(_ reason: String) -> Phrase {
        pick(en: "cannot write the file (\(reason)); check the free space and the permissions of its directory",
             nl: "kan het bestand niet schrijven (\(reason)); controleer de vrije ruimte en de rechten van de map")
    }

    static func systemFailure(_ what: Phrase, _ reason: String) -> Phrase {
        pick(en: "\(what.en) failed (\(reason)); check the permissions of the path",
             nl: "\(what.nl) mislukt (\(reason)); controleer de rechten van het pad")
    }

    static let notADirectory = pick(
        en: "exists but is not a directory; move it away or choose another path",
        nl: "bestaat maar is geen map; zet het opzij of kies een ander pad")

    static let notARegularFile = pick(
        en: "is not a regular file (a FIFO, device or directory); Stilte will not use it — move it away",
        nl: "is geen gewoon bestand (een FIFO, apparaat of map); Stilte gebruikt het niet — zet het opzij")

    static let symbolicLink = pick(
        en: "is a symbolic link; Stilte follows no links for its data — point STILTE_HOME at the real directory",
        nl: "is een symbolische link; Stilte volgt geen links voor zijn gegevens — laat STILTE_HOME naar de echte map wijzen")

    static func ownedBySomeoneElse(owner: UInt32, me: UInt32) -> Phrase {
        pick(en: "belongs to user \(owner), not to you (\(me)); Stilte will not keep recordings there — set STILTE_HOME to a directory of your own",
             nl: "is van gebruiker \(owner), niet van jou (\(me)); Stilte bewaart daar geen opnamen — zet STILTE_HOME op een eigen map")
    }

    static func writableByOthers(mode: UInt32) -> Phrase {
        let octal = String(mode, radix: 8)
        return pick(en: "can be written by other users (mode \(octal)); Stilte will not keep recordings there — `chmod 700` it or set STILTE_HOME to a private directory",
                    nl: "is schrijfbaar voor andere gebruikers (modus \(octal)); Stilte bewaart daar geen opnamen — doe `chmod 700` of zet STILTE_HOME op een privémap")
    }

    static let controlCharactersInName = pick(
        en: "a trainee name may not contain control characters (escape sequences, tabs, line breaks); type the name plainly",
        nl: "een naam mag geen stuurtekens bevatten (escapereeksen, tabs, regeleinden); typ de naam gewoon")

    /// What failed, for ``systemFailure(_:_:)``.
    static let inspecting = Phrase(en: "inspecting", nl: "bekijken")
    static let openingNewDirectory = Phrase(en: "opening the new directory", nl: "openen van de nieuwe map")
    static let settingPermissions = Phrase(en: "setting its permissions", nl: "rechten instellen")

    private static func pick(en: String, nl: String) -> Phrase { Phrase(en: en, nl: nl) }
}
