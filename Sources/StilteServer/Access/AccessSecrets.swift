/// The secrets of one `stilte serve` run, random on every start: the access token
/// printed with the URL, the session cookie a browser gets for it, and the CSRF token
/// the pages send back with every write.
public struct AccessSecrets: Sendable {
    /// Given in the URL (`?token=`) or as `Authorization: Bearer`.
    public let token: String
    /// The value of the `stilte_session` cookie.
    let session: String
    /// Sent by the pages' script in the `X-Stilte-CSRF` header of every write.
    let csrf: String

    /// Fresh random secrets (256 bits each, from the system's random source).
    public init() {
        self.init(token: Self.random(), session: Self.random(), csrf: Self.random())
    }

    init(token: String, session: String, csrf: String) {
        self.token = token
        self.session = session
        self.csrf = csrf
    }

    /// 32 random bytes as 64 hex digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// Compares in time independent of where the strings differ.
    static func matches(_ given: Substring?, _ secret: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8), b = Array(secret.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
