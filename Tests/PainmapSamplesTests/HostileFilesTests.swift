import Foundation
import PainmapSamples
import Testing

@Suite struct HostileFilesTests {
    static let names = [
        "pos_wrong_encoding.csv", "pos_truncated.csv", "pos_missing_columns.csv", "pos_wrong_delimiter.csv",
        "pos_invalid_utf8.csv", "pos_oversized_field.csv", "pos_empty.csv", "pos_bad_rows.csv", "mkgu_dtd.xml",
        "mkgu_invalid_utf8.xml", "mkgu_truncated.xml", "mkgu_unknown_value.xml", "pos_deep.json",
        "pos_duplicate_keys.json", "site_not_a_zip.xlsx",
    ]

    @Test(arguments: names)
    func fileExistsAndIsDocumented(_ name: String) throws {
        let tree = try SampleTreeFixture.tree()
        _ = try tree.bytes("hostile/\(name)")
        let readme = try #require(String(data: try tree.bytes("hostile/README.md"), encoding: .utf8))
        #expect(readme.contains("`\(name)`"))
    }

    @Test func filesAreBrokenTheWayTheirNamesSay() throws {
        let tree = try SampleTreeFixture.tree()
        #expect(try tree.bytes("hostile/pos_empty.csv").isEmpty)
        let invalid = try tree.bytes("hostile/pos_invalid_utf8.csv")
        #expect(invalid.contains(0x98) && String(data: invalid, encoding: .utf8) == nil)
        let koi = try tree.bytes("hostile/pos_wrong_encoding.csv")
        #expect(String(data: koi, encoding: .utf8) == nil)
        let oversized = try tree.bytes("hostile/pos_oversized_field.csv")
        #expect(oversized.count > 200 * 1024)
        let deep = try tree.bytes("hostile/pos_deep.json")
        #expect(deep.filter { $0 == UInt8(ascii: "{") }.count > 10_000)
        #expect(Array(try tree.bytes("hostile/site_not_a_zip.xlsx").prefix(2)) != [0x50, 0x4B])
        let xml = try tree.bytes("hostile/mkgu_invalid_utf8.xml")
        #expect(xml.contains(0xF4))
        let dtd = try #require(String(data: try tree.bytes("hostile/mkgu_dtd.xml"), encoding: .utf8))
        #expect(dtd.contains("<!DOCTYPE") && dtd.contains("<!ENTITY"))
        let missing = try #require(String(data: try tree.bytes("hostile/pos_missing_columns.csv"), encoding: .utf8))
        #expect(!missing.contains("Текст сообщения"))
    }

    @Test func hostileFilesAreOutsideTheFeedGlobs() throws {
        let tree = try SampleTreeFixture.tree()
        for file in tree.manifest.files where file.source == "hostile" {
            #expect(file.path.hasPrefix("hostile/"))
        }
        let top = SampleTreeFixture.files(under: tree.directory).filter { $0.hasPrefix("pos/") }
        #expect(!top.contains { $0.contains("wrong") || $0.contains("truncated") })
    }
}
