import Foundation
import PainmapCore
import PainmapIngest
import PainmapTestSupport
import Testing

/// A hostile or broken document and the error code it must produce.
struct HostileXML: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let code: FailureCode

    init(_ name: String, _ text: String, _ code: FailureCode) {
        self.init(name, Array(text.utf8), code)
    }

    init(_ name: String, _ bytes: [UInt8], _ code: FailureCode) {
        self.name = name
        self.bytes = bytes
        self.code = code
    }

    var testDescription: String { name }

    static let all: [HostileXML] = [
        // RELIABILITY §4.1: the 7-byte input that crashes FoundationXML, and a bad byte in an attribute name.
        HostileXML("bad byte in element name", [0x3C, 0xF4, 0x3E, 0x3C, 0x2F, 0xF4, 0x3E], .xmlNotUTF8),
        HostileXML("bad byte in attribute name", Array("<a r".utf8) + [0xFF] + Array("=\"1\"/>".utf8), .xmlNotUTF8),
        HostileXML("overlong slash", Array("<a>".utf8) + [0xC0, 0xAF] + Array("</a>".utf8), .xmlNotUTF8),
        HostileXML("overlong three-byte", Array("<a>".utf8) + [0xE0, 0x80, 0xAF] + Array("</a>".utf8), .xmlNotUTF8),
        HostileXML("surrogate", Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8), .xmlNotUTF8),
        HostileXML("past U+10FFFF", Array("<a>".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("</a>".utf8), .xmlNotUTF8),
        HostileXML("truncated sequence at end", Array("<a></a>".utf8) + [0xD0], .xmlNotUTF8),
        HostileXML("cp1251 text", Array("<a>".utf8) + [0xCF, 0xF0, 0xE8] + Array("</a>".utf8), .xmlNotUTF8),
        HostileXML("UTF-16 with BOM", [0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x2F, 0x00, 0x3E, 0x00], .xmlNotUTF8),
        HostileXML(
            "billion laughs",
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <lolz>&lol9;</lolz>
            """,
            .xmlDTDForbidden
        ),
        HostileXML(
            "XXE",
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
            .xmlDTDForbidden
        ),
        HostileXML(
            "parameter entity",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://example.invalid/x.dtd\"> %p;]><r/>",
            .xmlDTDForbidden
        ),
        HostileXML("external DTD", "<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>", .xmlDTDForbidden),
        HostileXML("entity declaration inside a comment", "<r><!-- <!ENTITY x \"y\"> --></r>", .xmlDTDForbidden),
        HostileXML("other markup declaration", "<!ELEMENT r ANY><r/>", .xmlDTDForbidden),
        HostileXML("truncated", "<r><a>text", .xmlMalformed),
        HostileXML("mismatched end tag", "<r><a></r><b>more</b>", .xmlMalformed),
        HostileXML("garbage after root", "<r/>garbage", .xmlMalformed),
        HostileXML("second root", "<r/><r/>", .xmlMalformed),
        HostileXML("no markup at all", "hello", .xmlMalformed),
        HostileXML("cut inside a tag", "<r><a href=\"x", .xmlMalformed),
        HostileXML("undeclared prefix", "<p:r/>", .xmlMalformed),
        HostileXML("undefined entity", "<r>&x;</r>", .xmlMalformed),
        HostileXML("NUL character", "<r>a\u{0}b</r>", .xmlMalformed),
        HostileXML("unescaped ampersand", "<r>a & b</r>", .xmlMalformed),
        HostileXML("duplicate attribute", "<r a=\"1\" a=\"2\"/>", .xmlMalformed),
        HostileXML("empty input", "", .xmlEmpty),
        HostileXML("whitespace only", " \n\t ", .xmlEmpty),
        HostileXML("declaration only", "<?xml version=\"1.0\"?>\n", .xmlEmpty),
        HostileXML("comment only", "<!-- nothing -->", .xmlEmpty),
        HostileXML("BOM only", [0xEF, 0xBB, 0xBF], .xmlEmpty),
        HostileXML(
            "nested 300 deep",
            String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300),
            .xmlTooDeep
        ),
        HostileXML("nested 100 000 deep", String(repeating: "<a>", count: 100_000), .xmlTooDeep),
    ]
}

@Suite struct XMLStreamReaderTests {
    /// Reads every event, returning them with the error that stopped the reader, if any.
    static func read(_ data: Data, limits: XMLStreamReader.Limits = .init()) -> ([XMLEvent], LocatedFailure?) {
        var events: [XMLEvent] = []
        do throws(LocatedFailure) {
            var reader = try XMLStreamReader(data: data, limits: limits)
            while let event = try reader.next() { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    @Test func namespacedDocumentEvents() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <v:export xmlns:v="urn:painmap:vk" xmlns="urn:default" version="2">
              <v:appeal id="17" v:kind="жалоба &amp; просьба"><text>Яма &amp; лужа <![CDATA[<b>не тег</b>]]>&#1105;</text><empty/></v:appeal>
            </v:export>
            """
        let (events, error) = Self.read(Data(xml.utf8))
        #expect(error == nil)
        #expect(
            events == [
                .startElement(
                    localName: "export",
                    namespaceURI: "urn:painmap:vk",
                    attributes: ["version": "2"],
                    isEmpty: false
                ),
                .text("\n  "),
                .startElement(
                    localName: "appeal",
                    namespaceURI: "urn:painmap:vk",
                    attributes: ["id": "17", "kind": "жалоба & просьба"],
                    isEmpty: false
                ),
                .startElement(localName: "text", namespaceURI: "urn:default", attributes: [:], isEmpty: false),
                .text("Яма & лужа <b>не тег</b>ё"),
                .endElement(localName: "text"),
                .startElement(localName: "empty", namespaceURI: "urn:default", attributes: [:], isEmpty: true),
                .endElement(localName: "empty"),
                .endElement(localName: "appeal"),
                .text("\n"),
                .endElement(localName: "export"),
            ]
        )
    }

    @Test func elementWithoutNamespaceHasNilURI() throws {
        let (events, error) = Self.read(Data("<r a='1'>x</r>".utf8))
        #expect(error == nil)
        #expect(
            events.first == .startElement(localName: "r", namespaceURI: nil, attributes: ["a": "1"], isEmpty: false)
        )
    }

    @Test(arguments: HostileXML.all)
    func hostileInputThrows(_ sample: HostileXML) throws {
        let (events, error) = Self.read(Data(sample.bytes))
        let failure = try #require(error)
        #expect(failure.code == sample.code)
        #expect((failure.location?.line ?? 0) >= 1)
        // Whatever streamed before the error, nothing after the broken markup was delivered.
        #expect(!events.contains(.text("more")))
    }

    @Test func errorReportsTheLine() throws {
        let (_, error) = Self.read(Data("<r>\n<a>\n</b>\n</r>".utf8))
        let failure = try #require(error)
        #expect(failure.code == .xmlMalformed)
        #expect(failure.location?.line == 3)
    }

    @Test func doctypeErrorReportsTheLine() throws {
        let (_, error) = Self.read(Data("<?xml version=\"1.0\"?>\n\n<!DOCTYPE r>\n<r/>".utf8))
        let failure = try #require(error)
        #expect(failure.code == .xmlDTDForbidden)
        #expect(failure.location?.line == 3)
    }

    @Test func errorNeverQuotesTheDocument() throws {
        let (_, error) = Self.read(Data("<r><ivanov-secret>Иванов</r>".utf8))
        let failure = try #require(error)
        #expect(failure.code == .xmlMalformed)
        #expect(!failure.description.contains("ivanov"))
        #expect(!failure.description.contains("Иванов"))
    }

    @Test func errorRepeatsAfterFailure() throws {
        var reader = try XMLStreamReader(data: Data("<r><a>text".utf8))
        var first: LocatedFailure?
        do throws(LocatedFailure) {
            while try reader.next() != nil {}
        } catch {
            first = error
        }
        let failure = try #require(first)
        #expect(throws: failure) { try reader.next() }
    }

    @Test func textLongerThanTheLimitThrows() throws {
        let limits = XMLStreamReader.Limits(maxTextBytes: 16)
        let (_, textError) = Self.read(Data("<r>\(String(repeating: "я", count: 9))</r>".utf8), limits: limits)
        #expect(textError?.code == .xmlFieldTooLong)
        let (_, attributeError) = Self.read(
            Data("<r a=\"\(String(repeating: "x", count: 17))\"/>".utf8),
            limits: limits
        )
        #expect(attributeError?.code == .xmlFieldTooLong)
        let (events, fitting) = Self.read(Data("<r>\(String(repeating: "я", count: 8))</r>".utf8), limits: limits)
        #expect(fitting == nil)
        #expect(events.contains(.text(String(repeating: "я", count: 8))))
    }

    @Test func mergedTextCountsAgainstTheLimit() throws {
        let limits = XMLStreamReader.Limits(maxTextBytes: 10)
        let (_, error) = Self.read(Data("<r>123456<![CDATA[7890]]>1</r>".utf8), limits: limits)
        #expect(error?.code == .xmlFieldTooLong)
    }

    @Test(arguments: [2, 3, 4])
    func depthLimitIsExact(_ maxDepth: Int) throws {
        let nested = { (depth: Int) in
            Data((String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)).utf8)
        }
        let limits = XMLStreamReader.Limits(maxDepth: maxDepth)
        #expect(Self.read(nested(maxDepth), limits: limits).1 == nil)
        #expect(Self.read(nested(maxDepth + 1), limits: limits).1?.code == .xmlTooDeep)
    }

    @Test func longTextArrivesWhole() throws {
        let text = String(repeating: "Жалоба на яму. ", count: 20_000)  // about 500 KB
        let (events, error) = Self.read(Data("<r><t>\(text)</t></r>".utf8))
        #expect(error == nil)
        #expect(events.contains(.text(text)))
    }

    @Test func declaredLegacyEncodingIsIgnoredForUTF8Bytes() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><r>Привет</r>"
        let (events, error) = Self.read(Data(xml.utf8))
        #expect(error == nil)
        #expect(events.contains(.text("Привет")))
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let (events, error) = Self.read(Data([0xEF, 0xBB, 0xBF] + Array("<r>а</r>".utf8)))
        #expect(error == nil)
        #expect(events.contains(.text("а")))
    }

    @Test func readsAFile() throws {
        let directory = TemporaryDirectory.url("xml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("export.xml")
        try Data("<r><a n=\"1\">один</a></r>".utf8).write(to: file)
        var reader = try XMLStreamReader(contentsOf: file)
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(events.count == 5)
        #expect(events.contains(.text("один")))

        let empty = directory.appendingPathComponent("empty.xml")
        try Data().write(to: empty)
        #expect(throws: LocatedFailure.self) { try XMLStreamReader(contentsOf: empty) }
        do {
            _ = try XMLStreamReader(contentsOf: empty)
        } catch {
            #expect(error.code == .xmlEmpty)
        }
        do {
            _ = try XMLStreamReader(contentsOf: directory.appendingPathComponent("missing.xml"))
            Issue.record("a missing file was read")
        } catch {
            #expect(error.code == .xmlUnreadable)
        }
    }
}
