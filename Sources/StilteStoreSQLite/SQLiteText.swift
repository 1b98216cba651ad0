import StilteCore

/// The sentences of the SQLite log's own ``StoreError``s (a file that is no Stilte log, a
/// newer schema, damage), in English and Dutch. Each says what is wrong and what to do.
enum SQLiteText {
    static let foreignDatabase = Phrase(
        en: "is an SQLite database of another program, not a Stilte session log; nothing was changed — move it away or set STILTE_HOME",
        nl: "is een SQLite-database van een ander programma, geen Stilte-logboek; er is niets veranderd — zet het opzij of zet STILTE_HOME")

    static let noSQLiteHeader = Phrase(
        en: "not a Stilte session log (no SQLite header); it was left untouched — move it away or set STILTE_HOME",
        nl: "geen Stilte-logboek (geen SQLite-kop); het is niet aangeraakt — zet het opzij of zet STILTE_HOME")

    static func newerSchema(_ found: Int, known: Int) -> Phrase {
        Phrase(en: "written by a newer Stilte (schema \(found), this one knows \(known)); nothing was changed — upgrade stilte to use it",
               nl: "geschreven door een nieuwere Stilte (schema \(found), deze kent \(known)); er is niets veranderd — werk stilte bij om het te gebruiken")
    }

    static func damaged(_ reason: String) -> Phrase {
        Phrase(en: "the session log is damaged (\(reason)); it was left untouched — restore a backup or move it away",
               nl: "het logboek is beschadigd (\(reason)); het is niet aangeraakt — zet een back-up terug of zet het opzij")
    }
}
