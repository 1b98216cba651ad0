import Hummingbird
import StilteCore
import HTTPTypes

/// Lets a request in only with the run's secret, and a write only from the pages.
///
/// - The `Host` header must name the address the server listens on (or, on loopback,
///   `localhost`): a page on another site cannot reach the server through DNS rebinding.
/// - `GET …?token=TOKEN` sets the session cookie (HttpOnly, SameSite=Strict) and redirects
///   to the same address without the token, so it stays out of history and logs.
/// - Otherwise the `stilte_session` cookie or `Authorization: Bearer TOKEN`; else 401.
/// - A write (anything but GET/HEAD) with the cookie also needs the `X-Stilte-CSRF` header
///   (which a cross-site form cannot send) and, when the browser sends `Origin`, this
///   server's origin; else 403.
struct AccessGuard: RouterMiddleware {
    typealias Context = ServerContext

    let secrets: AccessSecrets
    /// Host names (without port) the `Host` header may carry, lowercased; empty: any.
    let allowedHostNames: Set<String>

    static let sessionCookie = "stilte_session"
    static let languageCookie = "stilte_lang"
    static let csrfHeader = HTTPField.Name("X-Stilte-CSRF")!

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        let query = request.uri.queryParameters
        context.language = Language.choose(query: query["lang"].map(String.init), cookie: request.cookies[Self.languageCookie]?.value,
                                               acceptLanguage: request.headers[.acceptLanguage])
        let host = request.head.authority ?? ""
        guard allowedHostNames.isEmpty || allowedHostNames.contains(Self.hostName(host)) else {
            return ErrorPage.response(.misdirectedRequest, .errorHost, context.language, request)
        }
        let isRead = request.method == .get || request.method == .head
        if isRead, AccessSecrets.matches(query["token"], secrets.token) {
            return redirectSettingCookie(request, language: query["lang"].flatMap { Language(rawValue: String($0)) })
        }
        if AccessSecrets.matches(request.cookies[Self.sessionCookie].map { Substring($0.value) }, secrets.session) {
            context.access = .sessionCookie
        } else if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
                  AccessSecrets.matches(authorization.dropFirst("Bearer ".count), secrets.token) {
            context.access = .bearerToken
        } else {
            return ErrorPage.response(.unauthorized, .errorUnauthorized, context.language, request)
        }
        if !isRead, context.access == .sessionCookie {
            let sameOrigin = request.headers[.origin].map { $0 == "http://" + host } ?? true
            guard sameOrigin, AccessSecrets.matches(request.headers[Self.csrfHeader].map { Substring($0) }, secrets.csrf) else {
                return ErrorPage.response(.forbidden, .errorForbidden, context.language, request)
            }
        }
        var response = try await next(request, context)
        if let chosen = query["lang"].flatMap({ Language(rawValue: String($0)) }) {
            response.setCookie(Self.cookie(Self.languageCookie, chosen.rawValue))
        }
        return response
    }

    /// 303 to the same path and query without `token`, with the session cookie set.
    private func redirectSettingCookie(_ request: Request, language: Language?) -> Response {
        let kept = request.uri.queryParameters.filter { $0.key != "token" }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        let location = request.uri.path + (kept.isEmpty ? "" : "?" + kept)
        var response = Response(status: .seeOther, headers: [.location: location])
        response.setCookie(Self.cookie(Self.sessionCookie, secrets.session))
        if let language { response.setCookie(Self.cookie(Self.languageCookie, language.rawValue)) }
        return response
    }

    /// `host:port` → `host` (lowercased), `[::1]:port` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") { return String(lower[...close]) }
        return String(lower.split(separator: ":", maxSplits: 1).first ?? "")
    }

    static func cookie(_ name: String, _ value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", httpOnly: true, sameSite: .strict)
    }
}
