/// A seedable SplitMix64 pseudo-random generator.
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded, and the standard library's
/// `random(in:using:)` algorithms are not promised to stay the same across toolchains, so every seeded draw in
/// painmap goes through this one generator (Sebastiano Vigna's SplitMix64): k-means seeding and sampling, the
/// sample generator and the PII corpus. The same seed gives the same sequence, and so the same bytes, on every
/// machine. The hot methods are inlinable: clustering calls them across the module boundary.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    ///
    /// - Parameter seed: Any 64-bit value; `0` is allowed.
    @inlinable public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    ///
    /// - Returns: A uniformly distributed 64-bit value.
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns a uniform integer in `0 ..< bound` without bias (Lemire's multiply-shift with rejection).
    ///
    /// Clustering draws with it; the sample generators keep ``below(_:)`` so their bytes stay the same.
    /// - Parameter bound: The exclusive upper bound; must be positive.
    /// - Returns: A value in `0..<bound`.
    @inlinable public mutating func next(below bound: Int) -> Int {
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

    /// Returns a value in `0..<bound` (bias below 2⁻³² for the small bounds used here).
    ///
    /// - Parameter bound: The exclusive upper bound; must be positive.
    /// - Returns: A value in `0..<bound`, or `0` when `bound` is not positive.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next() % UInt64(bound))
    }

    /// Returns a value in the closed range `range`.
    ///
    /// - Parameter range: The values to choose from.
    /// - Returns: A value of `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Returns a uniformly distributed value in `0 ..< 1` with 53 bits of precision.
    ///
    /// - Returns: A value in the half-open unit interval.
    @inlinable public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Returns `true` with probability `probability`.
    ///
    /// - Parameter probability: A value in `0...1`.
    /// - Returns: Whether the event happened.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Returns one element of `items`, chosen uniformly.
    ///
    /// - Parameter items: A non-empty array.
    /// - Returns: The chosen element.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Returns the index of a weighted choice.
    ///
    /// - Parameter weights: Non-negative weights; at least one must be positive.
    /// - Returns: An index into `weights`, chosen with probability proportional to its weight.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// Shuffles `items` in place (Fisher–Yates).
    ///
    /// - Parameter items: The array to shuffle.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            if other != index { items.swapAt(index, other) }
        }
    }

    /// Derives an independent generator for a named part of the output.
    ///
    /// Every file gets its own stream, so adding records to one file never changes another.
    /// - Parameters:
    ///   - seed: The run's seed.
    ///   - label: A stable name such as a file name.
    /// - Returns: A generator seeded from `seed` and the FNV-1a hash of `label`'s UTF-8 bytes.
    public static func derived(seed: UInt64, label: String) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        return SplitMix64(seed: mixer.next())
    }
}
