import Foundation

/// Someone who signs in to an organisation's shared log (`stilte serve --database`): a trainer,
/// who sees every trainee of the organisation, or a trainee, who sees only their own takes and
/// their trainers' reviews. A trainee account's name is its trainee's name in the log.
public struct Account: Codable, Sendable, Equatable {
    /// What an account may do.
    public enum Role: String, Codable, Sendable, CaseIterable {
        case trainer
        case trainee
    }

    public var id: Int64?
    /// Unique in the log; for a trainee, the trainee's name.
    public var name: String
    public var role: Role
    /// The organisation the account belongs to; trainers see its trainees only.
    public var organisation: String
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, role: Role, organisation: String, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.role = role
        self.organisation = organisation
        self.createdAt = createdAt
    }

    /// Why this account may not be stored, nil when it may (the limits every name meets).
    public var problem: String? {
        InputLimits.problem(name: name, role: "account") ?? InputLimits.problem(name: organisation, role: "organisation")
    }
}

/// The accounts of a shared log, their sign-in sessions and their API tokens; rows only. Secrets
/// are stored as hashes: passwords as bcrypt hashes, session and API tokens as SHA-256 digests
/// (a token is 32 random bytes, so a fast digest suffices), never as given.
public protocol AccountDirectory: Sendable {
    /// Adds an account with a password hash; refuses a name already taken.
    func addAccount(_ account: Account, passwordHash: String) throws -> Account
    /// Every account, by name.
    func accounts() throws -> [Account]
    /// The account named `name` and its password hash, nil when none.
    func account(named name: String) throws -> (account: Account, passwordHash: String)?
    /// Removes an account with its sessions and tokens (its takes stay).
    func removeAccount(named name: String) throws
    /// Replaces an account's password hash and ends its sessions.
    func setPasswordHash(_ hash: String, forAccount name: String) throws
    /// Stores a sign-in session (the digest of its cookie) until `expires`.
    func addLoginSession(digest: String, accountId: Int64, expires: Date) throws
    /// The account a live session belongs to, nil when the session is unknown or expired.
    func account(sessionDigest: String, now: Date) throws -> Account?
    /// Ends a sign-in session.
    func removeLoginSession(digest: String) throws
    /// Stores an API token (its digest) of an account.
    func addAPIToken(digest: String, accountId: Int64) throws
    /// The account an API token belongs to, nil when unknown.
    func account(apiTokenDigest: String) throws -> Account?
}
