import Foundation
import Hummingbird
import StilteCore

/// The JSON API: everything the pages show, for tools (documented in the README,
/// "stilte serve"). Dates are ISO 8601, times in seconds from the start of the recording.
struct APIRoutes {
    let desk: ReviewDesk

    func add(to router: Router<ServerContext>) {
        router.get("/api/trainees") { request, context in
            try await answer(request, context) { try json(desk.log.traineeOverviews()) }
        }
        router.get("/api/trainees/:id/takes") { request, context in
            try await answer(request, context) {
                let id = try context.parameters.require("id", as: Int64.self)
                guard try desk.log.trainee(id: id) != nil else { throw StoreError(.notFound, "no trainee \(id)") }
                let query = try RouteQuery.takeList(request, traineeId: id)
                let (total, takes) = try desk.log.takeSummaries(query)
                return try json(TakeList(total: total, offset: query.offset, takes: takes))
            }
        }
        router.get("/api/takes/:id") { request, context in
            try await answer(request, context) { try json(desk.detail(of: context.parameters.require("id", as: Int64.self))) }
        }
        router.get("/api/takes/:id/waveform") { request, context in
            try await answer(request, context) { try json(await desk.waveform(of: context.parameters.require("id", as: Int64.self))) }
        }
        router.get("/api/takes/:id/audio") { request, context in
            try await answer(request, context) { try audio(request, takeId: context.parameters.require("id", as: Int64.self)) }
        }
        router.post("/api/takes/:id/reviews") { request, context in
            try await answer(request, context) {
                let id = try context.parameters.require("id", as: Int64.self)
                let input: ReviewInput
                do {
                    input = try await request.decode(as: ReviewInput.self, context: context)
                } catch let error as HTTPResponseError where error.status == .contentTooLarge {
                    throw error
                } catch {
                    throw StoreError(.invalidInput, "the body must be JSON: {\"rating\": 1-5, \"comment\": \"…\", \"pauseStart\": s, \"pauseEnd\": s}")
                }
                return try json(desk.save(input, takeId: id), status: .created)
            }
        }
        router.get("/api/progress") { request, context in
            try await answer(request, context) {
                let query = request.uri.queryParameters
                let filter = TakeFilter(trainee: query["trainee"].map(String.init), scenarioId: query["scenario"].map(String.init))
                return try json(desk.log.progress(filter))
            }
        }
    }

    /// The recording of a take, whole or the byte range asked for (seeking in `<audio>`).
    private func audio(_ request: Request, takeId: Int64) throws -> Response {
        let take = try desk.take(takeId)
        guard let file = RecordingFile(of: take, in: desk.log.home) else {
            throw StoreError(.missingRecording, "the recording of take \(takeId) is missing")
        }
        var headers: HTTPFields = [.contentType: file.mimeType, .acceptRanges: "bytes", .cacheControl: "private, no-cache"]
        switch ByteRange.parse(request.headers[.range], size: file.size) {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(file.size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .whole:
            let bytes = file.size > 0 ? try file.read(0...(file.size - 1)) : []
            headers[.contentLength] = "\(bytes.count)"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .part(let range):
            let bytes = try file.read(range)
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.lowerBound + bytes.count - 1)/\(file.size)"
            headers[.contentLength] = "\(bytes.count)"
            return Response(status: .partialContent, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

/// `GET /api/trainees/ID/takes`: one page of a trainee's takes.
struct TakeList: Codable, Sendable {
    var total: Int
    var offset: Int
    var takes: [TakeSummary]
}

/// A JSON response (sorted keys, ISO 8601 dates).
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try JSONOutput.encoder(pretty: false).encode(value)
    return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}
