import Foundation
import PainmapCore
import Testing

@testable import PainmapIngest

@Suite struct FieldDecoderTests {
    let text = "Ёлки, «детсад» № 5 — очередь"

    @Test func utf8AndCP1251DecodeToTheSameText() throws {
        let cp1251 = try #require(text.data(using: .windowsCP1251))
        var legacy = FieldDecoder(declared: .cp1251, bomSeen: false)
        #expect(legacy.decode([[UInt8](cp1251)]) == [text])
        #expect(legacy.ledgerName == "cp1251")
        var modern = FieldDecoder(declared: .cp1251, bomSeen: false)
        #expect(modern.decode([Array(text.utf8)]) == [text])
        #expect(modern.ledgerName == "utf-8")
    }

    @Test func undefinedCP1251ByteIsRejectedNotReplaced() {
        var decoder = FieldDecoder(declared: .cp1251, bomSeen: false)
        #expect(decoder.decode([[0xC0, 0x98, 0xC1]]) == nil)
    }

    @Test func withoutLegacyEncodingInvalidUTF8IsRejected() {
        var decoder = FieldDecoder(declared: .utf8, bomSeen: false)
        #expect(decoder.decode([[0xCF, 0xF0, 0xE8]]) == nil)
    }

    @Test func onceUTF8IsChosenACP1251RowIsRejected() throws {
        var decoder = FieldDecoder(declared: .cp1251, bomSeen: false)
        #expect(decoder.decode([Array("привет".utf8)]) == ["привет"])
        let cp1251 = try #require("привет".data(using: .windowsCP1251))
        #expect(decoder.decode([[UInt8](cp1251)]) == nil)
    }

    @Test func cp1251TableMatchesFoundation() throws {
        for byte in UInt8(0x80)...UInt8(0xFF) where byte != 0x98 {
            let ours = CP1251.decode([byte])
            let foundation = String(data: Data([byte]), encoding: .windowsCP1251)
            #expect(ours == foundation, "byte \(byte)")
        }
    }
}
