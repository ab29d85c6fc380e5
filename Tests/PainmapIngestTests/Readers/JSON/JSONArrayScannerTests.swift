import Foundation
import PainmapTestSupport
import Testing

@testable import PainmapIngest

@Suite struct JSONArrayScannerTests {
    func elements(_ text: String) throws -> [JSONArrayScanner.Element] {
        let directory = try TemporaryDirectory()
        var scanner = try JSONArrayScanner(url: try directory.write("x.json", text: text))
        var result: [JSONArrayScanner.Element] = []
        while let element = try scanner.next() { result.append(element) }
        return result
    }

    func objects(_ elements: [JSONArrayScanner.Element]) throws -> [[String: Any]] {
        try elements.map { element in
            guard case .bytes(let bytes, _) = element else { throw JSONArrayScanner.Problem.malformed }
            return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        }
    }

    @Test func readsATopLevelArray() throws {
        let parsed = try objects(try elements(#"[{"id": "1", "t": "a,b]"}, {"id": "2", "t": "x\"}y"}]"#))
        #expect(parsed.map { $0["id"] as? String } == ["1", "2"])
        #expect(parsed[1]["t"] as? String == "x\"}y")
    }

    @Test func readsTheContentArrayOfAPageObject() throws {
        let parsed = try objects(
            try elements(
                #"{"totalElements": 2, "meta": {"a": [1, 2]}, "content": [{"id": 7}, {"id": 8}], "last": true}"#
            )
        )
        #expect(parsed.map { ($0["id"] as? NSNumber)?.intValue } == [7, 8])
    }

    @Test func flagsDuplicateKeysAndDeepNesting() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let text = "[{\"a\": 1, \"a\": 2}, {\"x\": \"" + deep + "\"}, {\"y\": " + deep + "}, {\"ok\": 1}]"
        let parsed = try elements(text)
        guard case .rejected(.duplicateKey, 1, _) = parsed[0] else {
            Issue.record("expected duplicateKey, got \(parsed[0])")
            return
        }
        guard case .bytes = parsed[1] else {
            Issue.record("brackets inside a string are text")
            return
        }
        guard case .rejected(.tooDeep, 3, _) = parsed[2] else {
            Issue.record("expected tooDeep")
            return
        }
        guard case .bytes = parsed[3] else {
            Issue.record("the scanner must continue after a bad element")
            return
        }
    }

    @Test func nestedObjectsMayRepeatKeysOfTheirParent() throws {
        let parsed = try elements(#"[{"name": "a", "org": {"name": "b"}}]"#)
        guard case .bytes = parsed[0] else {
            Issue.record("sibling objects have separate key sets")
            return
        }
    }

    @Test func truncatedArrayThrows() throws {
        #expect(throws: JSONArrayScanner.Problem.self) { try elements(#"[{"id": 1}, {"id": 2"#) }
    }

    @Test func noArrayThrows() throws {
        #expect(throws: JSONArrayScanner.Problem.noArray) { try elements(#"{"items": 1}"#) }
        #expect(throws: JSONArrayScanner.Problem.noArray) { try elements("") }
    }
}
