/// The responsible bodies an analyst may assign a pain to (`Config/responsible-bodies.yaml`).
///
/// ```yaml
/// bodies:
///   - name: Министерство образования Новосибирской области
///     regions: ["54"]          # omitted: offered in every region
///   - name: Социальный фонд России
/// ```
public struct ResponsibleBodyDirectory: Sendable, Hashable, Decodable {
    /// One body.
    public struct Body: Sendable, Hashable, Decodable {
        /// The body's name as reports show it.
        public var name: String
        /// The regions it is offered in; empty = every region.
        public var regions: [String]

        /// Creates a body.
        public init(name: String, regions: [String] = []) {
            self.name = name
            self.regions = regions
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, regions
        }

        /// Decodes a body, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            name = try keys.decode(String.self, forKey: .name)
            regions = try keys.decodeIfPresent([String].self, forKey: .regions) ?? []
        }
    }

    /// The bodies in file order.
    public var bodies: [Body]

    /// No directory: only organisations named in the records are offered.
    public static let empty = ResponsibleBodyDirectory(bodies: [])

    /// Creates a directory.
    public init(bodies: [Body]) { self.bodies = bodies }

    /// The bodies offered in a region, in file order.
    public func bodies(region: String) -> [String] {
        bodies.filter { $0.regions.isEmpty || $0.regions.contains(region) }.map(\.name)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bodies
    }

    /// Decodes the file, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        bodies = try keys.decodeIfPresent([Body].self, forKey: .bodies) ?? []
    }
}
