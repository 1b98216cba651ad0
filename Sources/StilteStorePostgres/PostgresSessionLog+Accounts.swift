import Foundation
import PostgresNIO
import StilteCore

extension PostgresSessionLog: AccountDirectory {
    public func addAccount(_ account: Account, passwordHash: String) throws -> Account {
        if let problem = account.problem { throw StoreError(.invalidInput, problem) }
        return try transaction { sql in
            guard let id = try sql.value("""
                INSERT INTO account (name, role, organisation, password_hash, created_at)
                VALUES (\(account.name), \(account.role.rawValue), \(account.organisation), \(passwordHash), \(account.createdAt))
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, as: Int64.self) else {
                throw StoreError(.invalidInput, PostgresText.accountExists(account.name))
            }
            var stored = account
            stored.id = id
            return stored
        }
    }

    public func accounts() throws -> [Account] {
        try transaction { sql in
            try sql.rows("SELECT \(unescaped: Self.accountColumns) FROM account ORDER BY name COLLATE \"C\"").map { try Self.account($0).account }
        }
    }

    public func account(named name: String) throws -> (account: Account, passwordHash: String)? {
        try transaction { sql in
            try sql.rows("SELECT \(unescaped: Self.accountColumns) FROM account WHERE name = \(name)").first.map(Self.account)
        }
    }

    public func removeAccount(named name: String) throws {
        try transaction { sql in
            guard try sql.run("DELETE FROM account WHERE name = \(name)") == 1 else {
                throw StoreError(.notFound, PostgresText.noAccount(name))
            }
        }
    }

    public func setPasswordHash(_ hash: String, forAccount name: String) throws {
        try transaction { sql in
            guard let id = try sql.value("UPDATE account SET password_hash = \(hash) WHERE name = \(name) RETURNING id", as: Int64.self) else {
                throw StoreError(.notFound, PostgresText.noAccount(name))
            }
            try sql.run("DELETE FROM login_session WHERE account_id = \(id)")
        }
    }

    public func addLoginSession(digest: String, accountId: Int64, expires: Date) throws {
        try transaction { sql in
            try sql.run("DELETE FROM login_session WHERE expires_at < now()")
            try sql.run("INSERT INTO login_session (digest, account_id, expires_at) VALUES (\(digest), \(accountId), \(expires))")
        }
    }

    public func account(sessionDigest: String, now: Date) throws -> Account? {
        try transaction { sql in
            try sql.rows("""
                SELECT \(unescaped: Self.accountColumns(prefixed: "a")) FROM login_session s JOIN account a ON a.id = s.account_id
                WHERE s.digest = \(sessionDigest) AND s.expires_at > \(now)
                """).first.map { try Self.account($0).account }
        }
    }

    public func removeLoginSession(digest: String) throws {
        try transaction { sql in try sql.run("DELETE FROM login_session WHERE digest = \(digest)") }
    }

    public func addAPIToken(digest: String, accountId: Int64) throws {
        try transaction { sql in
            try sql.run("INSERT INTO api_token (digest, account_id, created_at) VALUES (\(digest), \(accountId), \(Date()))")
        }
    }

    public func account(apiTokenDigest: String) throws -> Account? {
        try transaction { sql in
            try sql.rows("""
                SELECT \(unescaped: Self.accountColumns(prefixed: "a")) FROM api_token t JOIN account a ON a.id = t.account_id
                WHERE t.digest = \(apiTokenDigest)
                """).first.map { try Self.account($0).account }
        }
    }

    private static let accountColumns = accountColumns(prefixed: nil)

    private static func accountColumns(prefixed table: String?) -> String {
        let prefix = table.map { "\($0)." } ?? ""
        return ["id", "name", "role", "organisation", "password_hash", "created_at"].map { prefix + $0 }.joined(separator: ", ")
    }

    private static func account(_ row: PostgresRow) throws -> (account: Account, passwordHash: String) {
        let (id, name, role, organisation, hash, created) = try row.decode((Int64, String, String, String, String, Date).self)
        guard let role = Account.Role(rawValue: role) else { throw StoreError(.unreadableRow, PostgresText.noAccount(name)) }
        return (Account(id: id, name: name, role: role, organisation: organisation, createdAt: created), hash)
    }
}
