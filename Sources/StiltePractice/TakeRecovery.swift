import Foundation
import StilteAnalysis
import StilteCore

/// Crash recovery: finishing the takes whose recording was interrupted (the program
/// died while recording). Run it when a session log is opened for a new session.
public enum TakeRecovery {
    /// Measures each interrupted take from its file and keeps it, marked interrupted and
    /// unreliable; returns what happened to each, for the front end to tell the user.
    public static func recoverInterruptedTakes(in log: any SessionLog) throws -> [RecoveredTake] {
        try log.recoverInterruptedTakes { take, url in
            let analysis = try FileAnalysis.run(path: url.path, parameters: take.parameters).analysis
            return TakeMeasurement(duration: analysis.duration, analysis: analysis, unreliable: true)
        }
    }
}
