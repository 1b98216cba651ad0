import HummingbirdBcrypt
import StilteCore

/// Passwords of the shared log's accounts: checked against the rules, hashed with bcrypt
/// (hummingbird-auth's HummingbirdBcrypt), verified in constant time by bcrypt itself.
public enum Passwords {
    /// bcrypt's work factor: 2^12 rounds, about 0.3 s on one core of the CI machine, so a
    /// stolen log's hashes cost an attacker that per guess; sign-in pays it once.
    public static let cost: UInt8 = 12
    /// The shortest password accepted, in characters.
    public static let minimumCharacters = 10
    /// bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused.
    public static let maximumBytes = 72

    /// Why `password` is refused, nil when it is fine.
    public static func problem(_ password: String) -> Phrase? {
        if password.count < minimumCharacters {
            return Phrase(en: "the password has \(password.count) characters; give at least \(minimumCharacters)",
                          nl: "het wachtwoord heeft \(password.count) tekens; geef er minstens \(minimumCharacters)")
        }
        if password.utf8.count > maximumBytes {
            return Phrase(en: "the password is longer than \(maximumBytes) bytes, which bcrypt cannot use; give a shorter one",
                          nl: "het wachtwoord is langer dan \(maximumBytes) bytes, meer dan bcrypt kan gebruiken; geef een korter")
        }
        return nil
    }

    /// The bcrypt hash to store for `password` (checked with ``problem(_:)`` first).
    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`; false for a hash that is not bcrypt's.
    public static func verify(_ password: String, hash: String) -> Bool {
        guard password.utf8.count <= maximumBytes, hash.hasPrefix("$2") else { return false }
        return Bcrypt.verify(password, hash: hash)
    }
}
