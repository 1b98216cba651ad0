/// How much of a scenario library Stilte reads. Every command that knows scenarios loads the
/// whole library, so an oversized file slows every command (a 200 MB file once took 13 s and
/// 1 GB on each); a file past these limits is reported and not read.
public enum ScenarioLimits {
    /// Bytes of one scenario file (64 KiB): the shipped ones have 1–2 kB, so this leaves room
    /// for a scenario of dozens of long turns; parsing it takes about 30 ms (debug build).
    public static let fileBytes = 64 << 10
    /// Bytes of all scenario files of a library together (1 MiB): about 700 scenarios the size
    /// of the shipped ones; parsing that much takes about 0.5 s (debug build, measured with
    /// padded copies of a shipped file: 1 MiB 1.1 s, 8 MiB 4.9 s including start-up).
    public static let libraryBytes = 1 << 20
}
