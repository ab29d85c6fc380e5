/// How a composed message gets personal data: how often (one draw a message) and from which region's formats.
struct PersonalDataPlanting {
    /// The chance that a message gets personal data at all.
    var probability: Double
    /// The region whose names, addresses and documents are planted.
    var region: SampleRegion
}
