/// How much a bundle may hold. Past these, `import-bundle` refuses it whole with one line
/// saying which limit (60 000 entries naming one file once wrote 99 MB in 15 s, on course for 11.5 GB).
public enum BundleLimits {
    /// Takes in one bundle: ten a day for almost three years of one trainee.
    public static let entries = 10_000
    /// Reviews of one take: far more than any trainer writes.
    public static let reviewsPerTake = 100
    /// Bytes of `takes.json`: 10 000 takes with their analyses (about 3 kB each) and room to spare.
    public static let indexBytes = 64 << 20
    /// Bytes of one recording: three hours (``InputLimits/longestRecording``) of 48 kHz stereo 16-bit WAV, plus 1 MiB of header.
    public static let recordingBytes = 10_800 * 48_000 * 2 * 2 + (1 << 20)
    /// Bytes of all recordings together (8 GiB): a year of daily practice, well above what
    /// `stilte export` writes for one trainee.
    public static let totalBytes = 8 << 30
}
