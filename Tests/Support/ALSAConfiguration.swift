import Foundation

/// The text of the per-process ALSA configuration: the only configuration a test process (and its children) reads.
///
/// It defines `null` and `default` (the `null` device: discards playback, captures silence, not paced) and the
/// parameterised test PCMs (`@args`); see `Tests/Rig/README.md` for each device and its arguments.
enum ALSAConfiguration {
    static func text(pluginLibrary: URL) -> String {
        """
        # Stilte test configuration, written by StilteTestSupport. Read through ALSA_CONFIG_PATH INSTEAD of
        # /usr/share/alsa/alsa.conf: no ~/.asoundrc, no sound cards. Plugins without a pcm_type entry (pulse)
        # load from alsa-lib's plugin directory by their type name.
        pcm_type.stiltetest { lib \(quoted(pluginLibrary.path)) }

        pcm.null {
            type null
            hint { show on description "Discard all samples (playback) or generate zero samples (capture)" }
        }
        pcm.!default {
            type plug
            slave.pcm "null"
            hint { show on description "Test default: the null device" }
        }

        # Byte-exact file devices (the stock file plugin over null): NOT paced, stale data past the end of INFILE.
        pcm.stilte_file_capture {
            @args [ INFILE RATE CHANNELS ]
            @args.INFILE { type string }
            @args.RATE { type integer default 16000 }
            @args.CHANNELS { type integer default 1 }
            type plug
            slave {
                pcm { type file slave.pcm "null" file "/dev/null" infile $INFILE format raw }
                format S16_LE
                rate $RATE
                channels $CHANNELS
            }
            hint { show on description "Stilte test: capture from a raw S16_LE file, not paced" }
        }
        pcm.stilte_file_playback {
            @args [ OUTFILE RATE CHANNELS ]
            @args.OUTFILE { type string }
            @args.RATE { type integer default 16000 }
            @args.CHANNELS { type integer default 1 }
            type plug
            slave {
                pcm { type file slave.pcm "null" file $OUTFILE format raw perm 0600 }
                format S16_LE
                rate $RATE
                channels $CHANNELS
            }
            hint { show on description "Stilte test: play into a raw S16_LE file, not paced" }
        }

        # Real-time devices (Tests/Rig/pcm_stiltetest.c): wall-clock pace, faults on cue.
        pcm.stilte_rt {
        \(realtimeArguments)
            type stiltetest
        \(realtimeFields)
            hint { show on description "Stilte test: real-time device, fixed S16_LE, RATE Hz, CHANNELS" }
        }
        pcm.stilte_rt_plug {
        \(realtimeArguments)
            type plug
            slave.pcm {
                type stiltetest
        \(realtimeFields)
            }
            hint { show on description "Stilte test: real-time device behind plug (any format, rate, channels)" }
        }

        # The ALSA pulse plugin, pointed at a given server and sink/source (see PulseNullSink).
        pcm.stilte_pulse {
            @args [ SERVER DEVICE ]
            @args.SERVER { type string }
            @args.DEVICE { type string }
            type pulse
            server $SERVER
            device $DEVICE
        }

        """
    }

    private static let realtimeArguments = """
            @args [ INFILE OUTFILE RATE CHANNELS LOOP OVERRUN SUSPEND DISCONNECT REPEAT ]
            @args.INFILE { type string default "" }
            @args.OUTFILE { type string default "" }
            @args.RATE { type integer default 16000 }
            @args.CHANNELS { type integer default 1 }
            @args.LOOP { type string default "false" }
            @args.OVERRUN { type real default -1 }
            @args.SUSPEND { type real default -1 }
            @args.DISCONNECT { type real default -1 }
        @args.REPEAT { type string default "false" }
        """

    private static let realtimeFields = """
            infile $INFILE
            outfile $OUTFILE
            rate $RATE
            channels $CHANNELS
            loop $LOOP
            overrun_at $OVERRUN
            suspend_at $SUSPEND
            disconnect_at $DISCONNECT
        repeat_faults $REPEAT
        """

    /// A string as an ALSA configuration/argument string literal: double quotes, `\` and `"` escaped.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
