import Foundation
import PainmapCore

/// The relationships of one OPC part (`_rels/*.rels`): which part plays which role.
struct XLSXRelationships {
    struct Relationship {
        let type: String
        /// The target as a package path without a leading slash, or `nil` for an external target or one that
        /// climbs above the package root.
        let path: String?
    }

    /// Relationships in file order, keyed lookups go through ``relationship(id:)``.
    private(set) var ordered: [(id: String, relationship: Relationship)] = []

    /// Parses the relationships of the part named `source` (whose targets are relative to its folder).
    init(data: Data, part: String, source: String, limits: XMLStreamReader.Limits) throws(LocatedFailure) {
        var reader = try XLSXPartReader(part: part, data: data, limits: limits)
        while let event = try reader.next() {
            guard case .startElement("Relationship", _, let attributes, _) = event else { continue }
            guard let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else {
                throw reader.malformed()
            }
            let external = attributes["TargetMode"] == "External"
            let path = external ? nil : Self.resolve(target, relativeTo: source)
            ordered.append((id, Relationship(type: type, path: path)))
        }
    }

    func relationship(id: String) -> Relationship? {
        ordered.first { $0.id == id }?.relationship
    }

    /// The first relationship whose type ends with `/<suffix>`; matching the suffix covers both the transitional
    /// (`http://schemas.openxmlformats.org/…`) and the strict (`http://purl.oclc.org/ooxml/…`) namespaces.
    func first(typeSuffix suffix: String) -> Relationship? {
        ordered.first { $0.relationship.type.hasSuffix("/" + suffix) }?.relationship
    }

    /// The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func partName(for part: String) -> String {
        let slash = part.lastIndex(of: "/")
        let folder = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return folder + "_rels/" + file + ".rels"
    }

    /// Resolves a relationship target against the folder of `source`; purely textual, nothing touches the disk.
    static func resolve(_ target: String, relativeTo source: String) -> String? {
        var segments: [Substring]
        if target.hasPrefix("/") {
            segments = []
        } else {
            segments = source.split(separator: "/", omittingEmptySubsequences: true)
            if !segments.isEmpty { segments.removeLast() }  // the source file itself
        }
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }
}
