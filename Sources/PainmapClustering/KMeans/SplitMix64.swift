/// Sebastiano Vigna's SplitMix64 generator: tiny, seedable, identical on every platform.
///
/// The standard library's generators cannot be seeded and its `random(in:using:)` algorithms are
/// not promised to stay fixed, so every draw the engine makes goes through these methods.
struct SplitMix64 {
    private var state: UInt64

    /// Creates a generator; distinct seeds give independent-looking streams.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in `0 ..< 1` with 53 random bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0 ..< bound` (Lemire's multiply-shift with rejection); `bound` must be positive.
    mutating func next(below bound: Int) -> Int {
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}
