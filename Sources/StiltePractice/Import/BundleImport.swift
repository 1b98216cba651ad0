import Foundation
import StilteAnalysis
import StilteCore

/// A bundle written by `stilte export` into the session log (`stilte import-bundle`): the
/// checks and the all-or-nothing transaction are ``TakeBundle``'s; every recording is analysed
/// again here, with the parameters its take names, not trusted from the bundle.
public enum BundleImport {
    /// Imports the bundle at `directory` into `log`.
    public static func run(_ directory: URL, into log: any SessionLog) throws -> TakeBundle.Summary {
        try TakeBundle.importBundle(from: directory, into: log) { copy, parameters in
            let measured = try FileAnalysis.run(path: copy.path, parameters: parameters)
            return (measured.sampleRate, measured.analysis)
        }
    }
}
