import ArgumentParser
import Foundation
import StilteCore
import StiltePractice
import StilteStorePostgres

extension Stilte {
    /// `stilte users add/list/remove/passwd/token`: the accounts of an organisation's shared log.
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Interface.text(en: "Manage the accounts of the shared log (needs STILTE_DATABASE_URL).", nl: "Beheer de accounts van het gedeelde logboek (vraagt om STILTE_DATABASE_URL)."),
            discussion: Interface.text(en: """
            Trainers see every trainee of their organisation; trainees see their own takes and their \
            trainers' reviews. Passwords are read from standard input (asked twice on a terminal, \
            without echo) and stored as bcrypt hashes.
            """, nl: "Trainers zien elke cursist van hun organisatie; cursisten zien hun eigen opnames en de beoordelingen van hun trainers. Wachtwoorden worden van standaardinvoer gelezen (op een terminal twee keer gevraagd, zonder ze te tonen) en als bcrypt-hash bewaard."),
            subcommands: [Add.self, List.self, Remove.self, Passwd.self, Token.self])

        /// The shared log, or a one-line error saying how to name it.
        static func directory() throws -> PostgresSessionLog {
            guard let url = SharedLog.url() else {
                throw CommandFailure(Phrase(
                    en: "accounts live in an organisation's shared log; set STILTE_DATABASE_URL=postgres://USER:PASSWORD@HOST/DATABASE",
                    nl: "accounts staan in het gedeelde log van een organisatie; zet STILTE_DATABASE_URL=postgres://GEBRUIKER:WACHTWOORD@HOST/DATABASE"))
            }
            return try SharedLog.open(url)
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Interface.text(en: "Add an account.", nl: "Voeg een account toe."))
            @Argument(help: .text(en: "The account's name (for a trainee: the trainee's name in the log).", nl: "De naam van het account (voor een cursist: de naam van de cursist in het logboek).")) var name: String
            @Option(help: .text(en: "trainer or trainee.", nl: "trainer of trainee (cursist).")) var role: Account.Role
            @Option(help: .text(en: "The organisation (trainers see its trainees).", nl: "De organisatie (trainers zien haar cursisten).")) var organisation = "default"

            func run() throws {
                let log = try Users.directory()
                let password = try PasswordInput.read(confirm: true)
                let account = try log.addAccount(Account(name: name, role: role, organisation: organisation),
                                                 passwordHash: Passwords.hash(password))
                print(Interface.text(en: "Added \(account.role.rawValue) \(account.name.terminalSafe) (\(account.organisation.terminalSafe)).",
                                     nl: "\(account.role == .trainer ? "Trainer" : "Trainee") \(account.name.terminalSafe) (\(account.organisation.terminalSafe)) toegevoegd."))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Interface.text(en: "List the accounts: name, role, organisation.", nl: "Toon de accounts: naam, rol, organisatie."))

            func run() throws {
                for account in try Users.directory().accounts() {
                    print([account.name, account.role.rawValue, account.organisation].map(\.terminalSafe).joined(separator: "\t"))
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Interface.text(en: "Remove an account with its sessions and tokens (its takes stay).", nl: "Verwijder een account met zijn sessies en tokens (de opnames blijven)."))
            @Argument(help: .text(en: "The account's name.", nl: "De naam van het account.")) var name: String

            func run() throws {
                try Users.directory().removeAccount(named: name)
                print(Interface.text(en: "Removed \(name.terminalSafe).", nl: "\(name.terminalSafe) verwijderd."))
            }
        }

        struct Passwd: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Interface.text(en: "Set a new password (signs the account out everywhere).", nl: "Stel een nieuw wachtwoord in (het account wordt overal afgemeld)."))
            @Argument(help: .text(en: "The account's name.", nl: "De naam van het account.")) var name: String

            func run() throws {
                let log = try Users.directory()
                let password = try PasswordInput.read(confirm: true)
                try log.setPasswordHash(Passwords.hash(password), forAccount: name)
                print(Interface.text(en: "New password set for \(name.terminalSafe).", nl: "Nieuw wachtwoord ingesteld voor \(name.terminalSafe)."))
            }
        }

        struct Token: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: Interface.text(en: "Print a new API token of an account (for `stilte push`); shown once.", nl: "Toon een nieuw API-token van een account (voor `stilte push`); maar één keer te zien."))
            @Argument(help: .text(en: "The account's name.", nl: "De naam van het account.")) var name: String

            func run() throws {
                let log = try Users.directory()
                guard let account = try log.account(named: name)?.account, let id = account.id else {
                    throw CommandFailure(Phrase(en: "there is no account \(name.terminalSafe); see `stilte users list`",
                                                nl: "er is geen account \(name.terminalSafe); zie `stilte users list`"))
                }
                let token = SecretToken.generate()
                try log.addAPIToken(digest: SecretToken.digest(token), accountId: id)
                print(token)
            }
        }
    }
}

extension Account.Role: ExpressibleByArgument {}
