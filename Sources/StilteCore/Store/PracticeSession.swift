import Foundation

/// One sitting of a trainee at the microphone: the takes recorded between start and end.
public struct PracticeSession: Codable, Sendable, Equatable {
    public var id: Int64?
    public var traineeId: Int64
    public var startedAt: Date
    /// Nil while the session runs, or when it was interrupted.
    public var endedAt: Date?
    /// The capture and playback devices used, as the rehearse command names them.
    public var devices: String
    /// The `stilte --version` that recorded it.
    public var appVersion: String

    public init(id: Int64? = nil, traineeId: Int64, startedAt: Date, endedAt: Date? = nil, devices: String, appVersion: String) {
        self.id = id
        self.traineeId = traineeId
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.devices = devices
        self.appVersion = appVersion
    }
}
