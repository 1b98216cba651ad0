import Foundation
import Hummingbird
import StilteAnalysis
import StilteCore

/// The HTML pages.
struct PageRoutes {
    let desk: ReviewDesk
    let csrf: String

    func add(to router: Router<ServerContext>) {
        router.get("/") { request, context in
            try await answer(request, context) {
                HTML.response(TraineesPage.render(try desk.log.traineeOverviews(), language: context.language, path: "/"))
            }
        }
        router.get("/trainees/:id") { request, context in
            try await answer(request, context) {
                let trainee = try traineeOrThrow(context)
                let query = try RouteQuery.takeList(request, traineeId: trainee.id ?? 0)
                let (total, takes) = try desk.log.takeSummaries(query)
                let scenarios = Set(desk.scenarios.keys).union(takes.map(\.scenarioId)).union(query.scenarioId.map { [$0] } ?? [])
                return HTML.response(TakesPage.render(trainee: trainee, query: query, total: total, takes: takes,
                                                      scenarioIds: scenarios.sorted(), language: context.language, path: request.uri.description))
            }
        }
        router.get("/trainees/:id/queue") { request, context in
            try await answer(request, context) {
                let trainee = try traineeOrThrow(context)
                let (total, _) = try desk.log.takeSummaries(TakeListQuery(traineeId: trainee.id ?? 0, reviewed: false, limit: 1))
                guard total > 0 else { return Response(status: .seeOther, headers: [.location: "/trainees/\(trainee.id ?? 0)?reviewed=no"]) }
                // The oldest unreviewed take: the last of the newest-first list.
                let (_, oldest) = try desk.log.takeSummaries(TakeListQuery(traineeId: trainee.id ?? 0, reviewed: false, offset: total - 1, limit: 1))
                return Response(status: .seeOther, headers: [.location: "/takes/\(oldest.first?.id ?? 0)"])
            }
        }
        router.get("/takes/:id") { request, context in
            try await answer(request, context) {
                let id = try context.parameters.require("id", as: Int64.self)
                let detail = try desk.detail(of: id)
                var waveform: Waveform?
                if detail.recordingPresent { waveform = try? await desk.waveform(of: id) }
                return HTML.response(TakePage.render(detail, waveform: waveform, reviewer: desk.reviewer, csrf: csrf, language: context.language, path: "/takes/\(id)"))
            }
        }
        router.get("/progress") { request, context in
            try await answer(request, context) {
                let trainee = request.uri.queryParameters["trainee"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                let histories = try desk.log.pauseHistory(TakeFilter(trainee: trainee), lastPerGroup: ProgressPage.takesPerPanel)
                return HTML.response(ProgressPage.render(histories, trainee: trainee, language: context.language, path: request.uri.description))
            }
        }
    }

    private func traineeOrThrow(_ context: ServerContext) throws -> Trainee {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let trainee = try desk.log.trainee(id: id) else { throw StoreError(.notFound, "no trainee \(id)") }
        return trainee
    }
}

/// `GET /assets/…`: the style sheet and the take page's script, compiled into stilte.
enum AssetRoutes {
    static func add(to router: Router<ServerContext>) {
        router.get("/assets/stilte.css") { _, _ in asset(StyleSheet.text, type: "text/css; charset=utf-8") }
        router.get("/assets/take.js") { _, _ in asset(TakeScript.text, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Query parameters of the lists, checked.
enum RouteQuery {
    static func takeList(_ request: Request, traineeId: Int64) throws -> TakeListQuery {
        let query = request.uri.queryParameters
        func text(_ name: String) -> String? { query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        var verdict: Verdict?
        if let value = text("verdict") {
            guard let known = Verdict(rawValue: value) else { throw StoreError(.invalidInput, "unknown verdict \(value)") }
            verdict = known
        }
        var reviewed: Bool?
        switch text("reviewed") {
        case nil: reviewed = nil
        case "yes": reviewed = true
        case "no": reviewed = false
        case let other?: throw StoreError(.invalidInput, "reviewed must be yes or no, not \(other)")
        }
        let offset = text("offset").flatMap(Int.init) ?? 0
        let limit = min(text("limit").flatMap(Int.init) ?? 100, 1000)
        return TakeListQuery(traineeId: traineeId, scenarioId: text("scenario"), verdict: verdict, reviewed: reviewed,
                             offset: offset, limit: limit)
    }
}

/// Runs a route, turning the log's errors into 404 / 422 / 500 pages or JSON.
func answer(_ request: Request, _ context: ServerContext, _ body: () async throws -> Response) async throws -> Response {
    do {
        return try await body()
    } catch let error as StoreError {
        switch error.code {
        case .notFound, .missingRecording: return ErrorPage.response(.notFound, message: error.message, request)
        case .invalidInput: return ErrorPage.response(.unprocessableContent, message: error.message, request)
        default: return ErrorPage.response(.internalServerError, message: error.message, request)
        }
    }
}
