import Foundation
import PainmapCore
import Testing

@testable import PainmapSamples

@Suite struct CP1251EncoderTests {
    @Test func roundTripsThroughFoundation() throws {
        let text = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя «кавычки» — № 12; \"УК\" …"
        let bytes = try CP1251Encoder().encode(text)
        let decoded = try #require(String(bytes: bytes, encoding: .windowsCP1251))
        #expect(decoded == text)
        #expect(bytes.contains(0xB8) && bytes.contains(0xA8) && bytes.contains(0xAB) && bytes.contains(0xBB))
        #expect(bytes.contains(0x97) && bytes.contains(0xB9))
    }

    @Test func tableAgreesWithFoundationForEveryDefinedByte() throws {
        for byte in UInt8(0x80)...UInt8(0xFF) where byte != 0x98 {
            let decoded = try #require(String(bytes: [byte], encoding: .windowsCP1251))
            let scalar = try #require(decoded.unicodeScalars.first)
            #expect(CP1251.byte(for: scalar) == byte, "byte \(byte)")
        }
    }

    @Test(arguments: ["😡", "ă", "漢", "ℓ"])
    func unmappableCharactersThrow(_ text: String) {
        #expect(throws: CP1251Encoder.UnmappableCharacter.self) { try CP1251Encoder().encode("ok " + text) }
    }
}
