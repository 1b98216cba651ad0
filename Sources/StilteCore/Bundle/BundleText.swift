/// The sentences of ``StoreError``s about bundles (`stilte import-bundle`), in English and Dutch.
/// Each says what is wrong with the file the error names and what to do; a refusal says that
/// nothing was imported, since a bundle goes in whole or not at all.
enum BundleText {
    /// Appended to an error that did not say it yet.
    static let nothingImported = Phrase(en: "; nothing was imported", nl: "; er is niets geïmporteerd")

    // MARK: The bundle directory and its files (BundleDirectory)

    static let noSuchBundle = Phrase(
        en: "no such bundle directory; give the directory `stilte export` wrote",
        nl: "die bundelmap bestaat niet; geef de map die `stilte export` schreef")

    static let bundleNotADirectory = Phrase(
        en: "is not a directory (or is a symbolic link); give the bundle directory itself",
        nl: "is geen map (of is een symbolische link); geef de bundelmap zelf")

    static func cannotOpenBundle(_ reason: String) -> Phrase {
        Phrase(en: "cannot open the bundle (\(reason)); check its permissions",
               nl: "kan de bundel niet openen (\(reason)); controleer de rechten")
    }

    static func notAPlainPath(_ relative: String) -> Phrase {
        Phrase(en: "\(relative) is not a plain path inside the bundle; nothing was imported",
               nl: "\(relative) is geen gewoon pad binnen de bundel; er is niets geïmporteerd")
    }

    static let notInBundle = Phrase(
        en: "is not in the bundle; nothing was imported",
        nl: "staat niet in de bundel; er is niets geïmporteerd")

    static func cannotRead(_ reason: String) -> Phrase {
        Phrase(en: "cannot read it (\(reason)); nothing was imported",
               nl: "kan het niet lezen (\(reason)); er is niets geïmporteerd")
    }

    /// A symbolic link as the file itself (`isFile`) or as a directory above it.
    static func symbolicLink(isFile: Bool) -> Phrase {
        Phrase(en: "\(isFile ? "is" : "lies under") a symbolic link; a bundle holds regular files only — export it again; nothing was imported",
               nl: "\(isFile ? "is" : "ligt onder") een symbolische link; een bundel bevat alleen gewone bestanden — exporteer hem opnieuw; er is niets geïmporteerd")
    }

    /// Something other than a regular file (`isFile`) or a directory on the way to it.
    static func wrongKind(isFile: Bool) -> Phrase {
        Phrase(en: "is not a \(isFile ? "regular file" : "directory"); a bundle holds regular files only — export it again; nothing was imported",
               nl: "is geen \(isFile ? "gewoon bestand" : "map"); een bundel bevat alleen gewone bestanden — exporteer hem opnieuw; er is niets geïmporteerd")
    }

    static func cannotOpen(_ reason: String) -> Phrase {
        Phrase(en: "cannot open it (\(reason)); nothing was imported",
               nl: "kan het niet openen (\(reason)); er is niets geïmporteerd")
    }

    static let changedWhileOpened = Phrase(
        en: "changed while it was opened; nothing was imported",
        nl: "is veranderd terwijl het werd geopend; er is niets geïmporteerd")

    static func fileTooLarge(bytes: Int, limit: Int) -> Phrase {
        Phrase(en: "is \(bytes) bytes; at most \(limit) are read — this is not a bundle from `stilte export`; nothing was imported",
               nl: "is \(bytes) bytes; er worden er hoogstens \(limit) gelezen — dit is geen bundel van `stilte export`; er is niets geïmporteerd")
    }

    static func grewPast(limit: Int) -> Phrase {
        Phrase(en: "grew past \(limit) bytes while it was read; nothing was imported",
               nl: "groeide tijdens het lezen voorbij \(limit) bytes; er is niets geïmporteerd")
    }

    static func readFailed(_ reason: String) -> Phrase {
        Phrase(en: "read failed (\(reason)); nothing was imported",
               nl: "lezen mislukt (\(reason)); er is niets geïmporteerd")
    }

    // MARK: The index and the takes (TakeBundle+Import)

    static let noIndex = Phrase(
        en: "no takes.json; is this a bundle written by `stilte export`?",
        nl: "geen takes.json; is dit een bundel die `stilte export` schreef?")

    static func newerFormat(_ found: Int, known: Int) -> Phrase {
        Phrase(en: "written by a newer Stilte (bundle format \(found), this one reads up to \(known)); nothing was imported — upgrade stilte to import it",
               nl: "geschreven door een nieuwere Stilte (bundelformaat \(found), deze leest tot en met \(known)); er is niets geïmporteerd — werk stilte bij om hem te importeren")
    }

    static func notAnIndex(_ reason: String) -> Phrase {
        Phrase(en: "not a Stilte bundle index (\(reason)); export it again with `stilte export`",
               nl: "geen index van een Stilte-bundel (\(reason)); exporteer opnieuw met `stilte export`")
    }

    static func tooManyTakes(_ count: Int) -> Phrase {
        Phrase(en: "has \(count) takes; a bundle holds at most \(BundleLimits.entries) — export in parts (`stilte export --trainee`); nothing was imported",
               nl: "bevat \(count) opnamen; een bundel bevat er hoogstens \(BundleLimits.entries) — exporteer in delen (`stilte export --trainee`); er is niets geïmporteerd")
    }

    /// Entry `number` (1-based) of `takes.json`, take `uuid`, refused for `problem`.
    static func refusedEntry(uuid: String, number: Int, _ problem: Phrase) -> Phrase {
        Phrase(en: "take \(uuid) (entry \(number)): \(problem.en); export the bundle again — nothing was imported",
               nl: "opname \(uuid) (item \(number)): \(problem.nl); exporteer de bundel opnieuw — er is niets geïmporteerd")
    }

    static let uuidTwice = Phrase(en: "its uuid appears twice", nl: "de uuid komt twee keer voor")

    static func notARecordingName(_ name: String) -> Phrase {
        Phrase(en: "recording \"\(name)\" is not recordings/NAME", nl: "opname \"\(name)\" is geen recordings/NAAM")
    }

    static func recordingNamedTwice(_ name: String) -> Phrase {
        Phrase(en: "recording \(name) is named by another take too", nl: "opname \(name) hoort ook bij een andere opname")
    }

    static func tooManyReviews(_ count: Int) -> Phrase {
        Phrase(en: "has \(count) reviews; at most \(BundleLimits.reviewsPerTake)",
               nl: "heeft \(count) beoordelingen; hoogstens \(BundleLimits.reviewsPerTake)")
    }

    static func reviewTwice(_ uuid: String) -> Phrase {
        Phrase(en: "review \(uuid) appears twice", nl: "beoordeling \(uuid) komt twee keer voor")
    }

    static func refusedReview(_ uuid: String, _ problem: Phrase) -> Phrase {
        Phrase(en: "review \(uuid): \(problem.en)", nl: "beoordeling \(uuid): \(problem.nl)")
    }

    static let halfACorrection = Phrase(
        en: "a corrected pause needs a start and an end",
        nl: "een gecorrigeerde pauze heeft een begin en een einde nodig")

    static func notAudio(_ reason: String) -> Phrase {
        Phrase(en: "does not decode as audio (\(reason)); a bundle holds recordings only — nothing was imported",
               nl: "is niet als geluid te lezen (\(reason)); een bundel bevat alleen opnamen — er is niets geïmporteerd")
    }

    static let emptyRecording = Phrase(
        en: "is empty; a bundle holds recordings only — nothing was imported",
        nl: "is leeg; een bundel bevat alleen opnamen — er is niets geïmporteerd")

    static func recordingTooLarge(mebibytes: Int) -> Phrase {
        let limit = BundleLimits.recordingBytes >> 20
        return Phrase(en: "is \(mebibytes) MiB; a recording may be at most \(limit) MiB (three hours) — nothing was imported",
                      nl: "is \(mebibytes) MiB; een opname mag hoogstens \(limit) MiB zijn (drie uur) — er is niets geïmporteerd")
    }

    static let bundleTooLarge = Phrase(
        en: "holds more than \(BundleLimits.totalBytes >> 30) GiB of recordings; export in parts — nothing was imported",
        nl: "bevat meer dan \(BundleLimits.totalBytes >> 30) GiB aan opnamen; exporteer in delen — er is niets geïmporteerd")

    static func carriedByAnother(uuid: String, take: Int64) -> Phrase {
        Phrase(en: "take \(uuid) is already in the log (take \(take)) with another trainee or recording; this bundle does not carry it — nothing was imported",
               nl: "opname \(uuid) staat al in het logboek (opname \(take)) met een andere trainee of opname; deze bundel hoort er niet bij — er is niets geïmporteerd")
    }

    static func noSpace(needed: Int, free: Int) -> Phrase {
        Phrase(en: "its recordings need \(needed) MiB and the Stilte home has \(free) MiB free; free some space — nothing was imported",
               nl: "de opnamen hebben \(needed) MiB nodig en de Stilte-map heeft \(free) MiB vrij; maak ruimte vrij — er is niets geïmporteerd")
    }

}

extension TakeBundle.Summary {
    /// What `stilte import-bundle` did, in every interface language.
    public var report: Phrase {
        Phrase(en: "Imported \(takesAdded) takes (\(takesSkipped) already in the log) and \(reviewsAdded) reviews.",
               nl: "\(takesAdded) opnamen geïmporteerd (\(takesSkipped) stonden al in het logboek) en \(reviewsAdded) beoordelingen.")
    }
}
