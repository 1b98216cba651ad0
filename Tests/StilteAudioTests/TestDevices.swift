import Foundation

/// This test process's own ALSA configuration (ALSA_CONFIG_PATH, set once
/// before the first ALSA call; the user's ~/.asoundrc is never read): stock
/// `file` plugin devices behind `plug`, parametrised per test.
enum TestDevices {
    private static let configured: Bool = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stilte-alsa-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("asound.conf").path
        let config = """
            pcm.stilte_file_capture {
              @args [ INFILE RATE CHANNELS ]
              @args.INFILE { type string }
              @args.RATE { type integer }
              @args.CHANNELS { type integer }
              type plug
              slave { pcm { type file slave.pcm { type null } file "/dev/null" infile $INFILE format raw }
                      format S16_LE rate $RATE channels $CHANNELS }
            }
            pcm.stilte_file_playback {
              @args [ OUTFILE RATE CHANNELS ]
              @args.OUTFILE { type string }
              @args.RATE { type integer }
              @args.CHANNELS { type integer }
              type plug
              slave { pcm { type file slave.pcm { type null } file $OUTFILE format raw }
                      format S16_LE rate $RATE channels $CHANNELS }
            }
            pcm.default {
              type plug
              slave.pcm { type null }
              hint { show on description "Stilte test default" }
            }
            pcm.stilte_listed {
              type null
              hint { show on description "Stilte test device" }
            }

            """
        try? config.write(toFile: path, atomically: true, encoding: .utf8)
        setenv("ALSA_CONFIG_PATH", path, 1)
        return true
    }()

    /// Makes sure the configuration is in place; call before any ALSA use.
    static func setUp() { _ = configured }

    /// A capture device that reads raw S16_LE `input` exactly, unpaced.
    static func fileCapture(input: String, rate: Int = 16_000, channels: Int = 1) -> String {
        setUp()
        return "stilte_file_capture:INFILE=\"\(input)\",RATE=\(rate),CHANNELS=\(channels)"
    }

    /// A playback device that writes raw S16_LE to `output` exactly, unpaced.
    static func filePlayback(output: String, rate: Int = 16_000, channels: Int = 1) -> String {
        setUp()
        return "stilte_file_playback:OUTFILE=\"\(output)\",RATE=\(rate),CHANNELS=\(channels)"
    }
}
