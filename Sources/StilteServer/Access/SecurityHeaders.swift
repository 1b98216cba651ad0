import HTTPTypes
import Hummingbird

/// Headers on every response: a content security policy that allows only this
/// server's own scripts, styles, images and media (no inline script, no other
/// origin), no MIME sniffing, no framing, no referrer, no caching of personal data.
/// Also refuses request targets and bodies over ``ServerLimits`` before any route runs.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ServerContext

    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let openerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var response: Response
        if (request.head.path?.utf8.count ?? 0) > ServerLimits.maxTargetBytes {
            response = ErrorPage.response(.uriTooLong, .errorBadRequest, context.language, request)
        } else if let length = request.headers[.contentLength].flatMap(Int.init), length > ServerLimits.maxBodyBytes {
            response = ErrorPage.response(.contentTooLarge, .errorTooLarge, context.language, request)
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPResponseError {
                response = try error.response(from: request, context: context)
            } catch {
                response = ErrorPage.response(.internalServerError, message: "\(error)", request)
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        response.headers[Self.openerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
