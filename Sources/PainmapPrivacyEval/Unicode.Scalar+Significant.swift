extension Unicode.Scalar {
    /// Whether the scalar is a letter or a digit: the characters that identify (a missed bracket or space is not a
    /// leak).
    var isSignificant: Bool {
        properties.isAlphabetic || (value >= 48 && value <= 57)
    }
}
