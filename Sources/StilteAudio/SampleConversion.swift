/// Float inside, int16 only at the edges: the one place the two meet.
enum SampleConversion {
    /// Full scale of a signed 16-bit sample: `Int16.min` maps to -1.0 exactly.
    static let fullScale: Float = 32768

    /// Converts 16-bit samples to Float in -1..<1 (exact: every Int16 is a Float).
    static func toFloat(_ source: UnsafeBufferPointer<Int16>, _ target: UnsafeMutableBufferPointer<Float>) {
        for i in 0..<min(source.count, target.count) {
            target[i] = Float(source[i]) / fullScale
        }
    }

    /// Converts Float to 16-bit, rounding to nearest and clipping at full scale (NaN becomes 0);
    /// the exact inverse of `toFloat` for values it produced.
    static func toInt16(_ source: UnsafeBufferPointer<Float>, _ target: UnsafeMutableBufferPointer<Int16>) {
        for i in 0..<min(source.count, target.count) {
            let scaled = (source[i] * fullScale).rounded()
            target[i] = scaled.isNaN ? 0 : scaled >= 32767 ? .max : scaled <= -32768 ? .min : Int16(scaled)
        }
    }
}
