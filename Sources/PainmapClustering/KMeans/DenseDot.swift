/// The dot product of two contiguous `Float` vectors in eight lanes, for latent rows that store every column.
enum DenseDot {
    /// `Σ a[i]·b[i]` for `i < count`, summed in eight interleaved lanes and then across them (a fixed order, so the
    /// same inputs give the same result).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            let x = UnsafeRawPointer(a + index).loadUnaligned(as: SIMD8<Float>.self)
            let y = UnsafeRawPointer(b + index).loadUnaligned(as: SIMD8<Float>.self)
            lanes += x * y
            index += 8
        }
        var sum = lanes.sum()
        while index < count {
            sum += a[index] * b[index]
            index += 1
        }
        return sum
    }
}
