import ArgumentParser
import Foundation
import StilteCore
import StiltePractice
import StilteStorePostgres

extension Stilte {
    /// `stilte users add/list/remove/passwd/token`: the accounts of an organisation's shared log.
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the accounts of the shared log (needs STILTE_DATABASE_URL).",
            discussion: """
            Trainers see every trainee of their organisation; trainees see their own takes and their \
            trainers' reviews. Passwords are read from standard input (asked twice on a terminal, \
            without echo) and stored as bcrypt hashes.
            """,
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
            static let configuration = CommandConfiguration(abstract: "Add an account.")
            @Argument(help: "The account's name (for a trainee: the trainee's name in the log).") var name: String
            @Option(help: "trainer or trainee.") var role: Account.Role
            @Option(help: "The organisation (trainers see its trainees).") var organisation = "default"

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
            static let configuration = CommandConfiguration(abstract: "List the accounts: name, role, organisation.")

            func run() throws {
                for account in try Users.directory().accounts() {
                    print([account.name, account.role.rawValue, account.organisation].map(\.terminalSafe).joined(separator: "\t"))
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove an account with its sessions and tokens (its takes stay).")
            @Argument(help: "The account's name.") var name: String

            func run() throws {
                try Users.directory().removeAccount(named: name)
                print(Interface.text(en: "Removed \(name.terminalSafe).", nl: "\(name.terminalSafe) verwijderd."))
            }
        }

        struct Passwd: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set a new password (signs the account out everywhere).")
            @Argument(help: "The account's name.") var name: String

            func run() throws {
                let log = try Users.directory()
                let password = try PasswordInput.read(confirm: true)
                try log.setPasswordHash(Passwords.hash(password), forAccount: name)
                print(Interface.text(en: "New password set for \(name.terminalSafe).", nl: "Nieuw wachtwoord ingesteld voor \(name.terminalSafe)."))
            }
        }

        struct Token: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print a new API token of an account (for `stilte push`); shown once.")
            @Argument(help: "The account's name.") var name: String

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
