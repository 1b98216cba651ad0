import Hummingbird
import StilteCore

/// The request context of `stilte serve`: how the request was let in and in which
/// language its page is rendered.
public struct ServerContext: RequestContext {
    /// How a request proved it may be served (see ``AccessGuard``).
    enum Access: Sendable {
        case none
        /// The `stilte_session` cookie: writes also need the CSRF header.
        case sessionCookie
        /// `Authorization: Bearer TOKEN` (tools): no ambient credential, no CSRF check.
        case bearerToken
    }

    public var coreContext: CoreRequestContextStorage
    var access: Access = .none
    var language: Language = .en

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Bodies larger than this are refused (413); a review is a few hundred bytes.
    public var maxUploadSize: Int { ServerLimits.maxBodyBytes }
}

/// Request size limits.
enum ServerLimits {
    /// The largest request body, in bytes (a review with a 2,000-character comment fits).
    static let maxBodyBytes = 16 * 1024
    /// The longest request target (path and query), in bytes.
    static let maxTargetBytes = 2048
    /// The longest comment, in characters.
    static let maxCommentCharacters = 2000
}
