/// The corpus generator's own seedable SplitMix64 (the same algorithm as the sample generator's, kept here so the
/// evaluation does not depend on `PainmapSamples`): one seed, one corpus, on every machine and toolchain.
struct EvalRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next() % UInt64(bound))
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) < probability
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` random decimal digits.
    mutating func digits(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(below(10)) } }
}

extension Array where Element == UInt8 {
    /// The digits as text.
    var text: String { String(map { Character(Unicode.Scalar($0 + 48)) }) }
}
