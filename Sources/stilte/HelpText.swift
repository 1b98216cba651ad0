import ArgumentParser
import StilteCore

extension ArgumentHelp {
    /// Help for an argument or option in the interface language (`--lang`, `$STILTE_LANG`, the locale):
    /// `--help` is read before any trainee is known, so a stored preference does not apply.
    static func text(en: String, nl: String) -> ArgumentHelp {
        ArgumentHelp(Interface.text(en: en, nl: nl))
    }
}

extension LiveMode: ExpressibleByArgument {}

/// A setting switched on or off on the command line (`--graduated-target on`).
enum Switch: String, ExpressibleByArgument, CaseIterable {
    case on, off
}
