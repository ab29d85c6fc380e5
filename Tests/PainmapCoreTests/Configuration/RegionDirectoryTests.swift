import Foundation
import PainmapCore
import Testing

@Suite struct RegionDirectoryTests {
    let directory = RegionDirectory(regions: [
        Region(
            code: "29",
            name: "Архангельская",
            fullName: "Архангельская область",
            okatoPrefix: "11",
            oktmoPrefix: "11",
            utcOffsetHours: 3
        ),
        Region(
            code: "83",
            name: "Ненецкий",
            fullName: "Ненецкий автономный округ",
            okatoPrefix: "111",
            oktmoPrefix: "118",
            utcOffsetHours: 3
        ),
        Region(
            code: "54",
            name: "Новосибирская",
            fullName: "Новосибирская область",
            okatoPrefix: "50",
            oktmoPrefix: "50",
            utcOffsetHours: 7,
            aliases: ["НСО"]
        ),
        Region(
            code: "41",
            name: "Камчатский",
            fullName: "Камчатский край",
            okatoPrefix: "30",
            oktmoPrefix: "30",
            utcOffsetHours: 12
        ),
    ])

    @Test func kladrAndOkatoCollideButResolveApart() {
        // "50" is Новосибирская in ОКАТО but Московская область in КЛАДР: the system decides.
        #expect(directory.resolve("50", system: .okato)?.code == "54")
        #expect(directory.resolve("50", system: .kladr) == nil)
        #expect(directory.resolve("54", system: .kladr)?.code == "54")
    }

    @Test func longestOkatoPrefixWins() {
        #expect(directory.resolve("11100000000", system: .okato)?.code == "83")
        #expect(directory.resolve("11401000000", system: .okato)?.code == "29")
    }

    @Test(arguments: [
        "Новосибирская область", "новосибирская обл.", "Новосибирская", "НСО", "  Новосибирская  Область ",
    ])
    func namesFoldCaseAndPunctuation(name: String) {
        #expect(directory.resolve(name, system: .name)?.code == "54")
    }

    @Test(arguments: ["50", " 50", "50 ", "\t50\n", "\u{00A0}50\u{2003}", "50\u{00A0}", "5 0", "50x", "x50"])
    func whiteSpaceAroundACodeIsTrimmedAndNothingElse(raw: String) {
        let expected = raw.trimmingCharacters(in: .whitespacesAndNewlines) == "50" ? "54" : nil
        #expect(directory.resolve(raw, system: .okato)?.code == expected)
    }

    @Test(arguments: ["", "5", "5x", "99"])
    func unknownValuesResolveToNil(raw: String) {
        #expect(directory.resolve(raw, system: .kladr) == nil)
    }
}
