import PainmapCore

extension SplitMix64 {
    /// Draws `count` random decimal digits.
    ///
    /// - Parameter count: How many digits.
    /// - Returns: The digits, each in `0...9`.
    mutating func digits(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(below(10)) } }
}

extension Array where Element == UInt8 {
    /// The digits as text.
    var text: String { String(map { Character(Unicode.Scalar($0 + 48)) }) }
}
