/// The version `stilte --version` prints and the session log records.
enum StilteVersion {
    static let current = "0.1.0"
}
