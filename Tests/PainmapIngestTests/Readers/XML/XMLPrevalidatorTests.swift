import Foundation
import PainmapCore
import PainmapIngest
import Testing

@Suite struct XMLPrevalidatorTests {
    /// Deterministic pseudo-random bytes (SplitMix64), so a failure names a reproducible seed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func code(_ bytes: [UInt8]) -> FailureCode? {
        do throws(LocatedFailure) {
            try XMLPrevalidator.check(Data(bytes))
            return nil
        } catch {
            return error.code
        }
    }

    @Test(arguments: [
        "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10000}", "\u{10FFFF}",
    ])
    func acceptsBoundaryScalars(_ scalar: String) {
        #expect(Self.code(Array("<r>\(scalar)</r>".utf8)) == nil)
    }

    /// The strict check agrees with the standard library's validating decoder on random byte strings.
    @Test(arguments: 0..<8)
    func agreesWithStandardLibraryUTF8Validation(_ seed: UInt64) {
        var generator = SplitMix64(state: seed)
        for _ in 0..<500 {
            let length = Int.random(in: 0...24, using: &generator)
            let body = (0..<length).map { _ -> UInt8 in
                // Mostly high bytes, where the edge cases are; never markup.
                let byte = UInt8.random(in: 0...255, using: &generator)
                return byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") ? UInt8(ascii: "x") : byte
            }
            let expectedValid = String(validating: body, as: UTF8.self) != nil
            let code = Self.code(Array("<r>".utf8) + body + Array("</r>".utf8))
            #expect((code != .xmlNotUTF8) == expectedValid, "seed \(seed), bytes \(body)")
        }
    }

    @Test func doctypeTextInsideCDATAIsRefusedConservatively() {
        #expect(Self.code(Array("<r><![CDATA[<!DOCTYPE html>]]></r>".utf8)) == .xmlDTDForbidden)
    }

    @Test func lowercaseDoctypeIsNotADeclarationButStillMarkup() {
        // XML keywords are case-sensitive: `<!doctype` is no DOCTYPE, but any other `<!` is refused too.
        #expect(Self.code(Array("<!doctype r><r/>".utf8)) == .xmlDTDForbidden)
    }

    @Test func markupCharactersInAttributesAndCommentsDoNotCountAsTags() {
        let xml = "<r a=\"/>\" b='<x>'><!-- <a><b><c> --><?pi <d> ?><![CDATA[<e><f>]]></r>"
        var limits = 1
        #expect(throws: Never.self) { try XMLPrevalidator.check(Data(xml.utf8), maxDepth: limits) }
        limits = 0
        #expect(throws: LocatedFailure.self) { try XMLPrevalidator.check(Data(xml.utf8), maxDepth: limits) }
    }

    @Test func selfClosingElementsDoNotDeepen() {
        let xml = "<r>" + String(repeating: "<a/>", count: 1_000) + "</r>"
        #expect(throws: Never.self) { try XMLPrevalidator.check(Data(xml.utf8), maxDepth: 2) }
    }
}
