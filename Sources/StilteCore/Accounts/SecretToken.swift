import Foundation

/// Random secrets handed to a client once (a sign-in cookie, an API token for `stilte push`)
/// and the digest the log keeps instead: a stolen copy of the log opens no account.
public enum SecretToken {
    /// The bytes of randomness in a token (256 bits).
    public static let bytes = 32

    /// A new token: ``bytes`` random bytes from the system's generator, as lowercase hex.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// What the log stores for `token`: its SHA-256, as lowercase hex. A token is random and
    /// long, so a fast digest suffices (a password needs bcrypt).
    public static func digest(_ token: String) -> String {
        var hasher = SHA256()
        Array(token.utf8).withUnsafeBytes { hasher.update($0) }
        return hasher.finish().map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `text` has a token's shape (hex of ``bytes`` bytes); anything else is refused
    /// before the log is asked.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == bytes * 2 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
