import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

@testable import PainmapIngest

@Suite struct PortalAdapterTests {
    let configuration: PainmapConfiguration

    init() throws {
        configuration = try ConfigurationLoader().load(directory: RepositoryRoot.url.appendingPathComponent("Config"))
    }

    func read(_ xml: String) throws -> CollectedRows {
        let directory = try TemporaryDirectory()
        let url = try directory.write("mkgu.xml", text: xml)
        let feed = try #require(configuration.feed(named: "portal-mkgu"))
        return try CollectedRows(
            PortalAdapter(regions: configuration.regions, forms: configuration.ratingForms),
            FeedFile(url: url, displayPath: "mkgu.xml", feed: feed)
        )
    }

    static func document(_ forms: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <mkgu:body xmlns:mkgu="http://vashkontrol.ru#" ID="mkgu">
          <mkgu:vendor id="601"/>
          <mkgu:form-version>0.0.4</mkgu:form-version>
          <mkgu:forms>\(forms)</mkgu:forms>
        </mkgu:body>
        """
    }

    static func form(id: String, okato: String = "50401000000", rates: String, comment: String? = nil) -> String {
        """
        <mkgu:form mkgu-id="\(id)" foreign-id="f\(id)">
          <mkgu:data>
            <mkgu:user id="241263393"/>
            <mkgu:service id="10000000101">Постановка на учёт в детский сад</mkgu:service>
            <mkgu:procedure id="10000000102"/>
            <mkgu:authority id="10000001197">Министерство образования</mkgu:authority>
            <mkgu:date>2026-06-30T23:30:00+07:00</mkgu:date>
            <mkgu:okato>\(okato)</mkgu:okato>
          </mkgu:data>
          <mkgu:rates>\(rates)</mkgu:rates>
          \(comment.map { "<mkgu:comment>\($0)</mkgu:comment>" } ?? "")
        </mkgu:form>
        """
    }

    @Test func scoresComeFromTheValuePositionInTheForm() throws {
        let rates =
            #"<mkgu:rate indicator-id="9" value-id="41"/><mkgu:rate indicator-id="10" value-id="50"/><mkgu:rate indicator-id="13" value-id="63"/>"#
        let sink = try read(Self.document(Self.form(id: "1", rates: rates, comment: "Долго ждали &amp; ничего")))
        let record = try #require(sink.records.first)
        #expect(record.ratings.map(\.score) == [1, 5, 3])
        #expect(record.ratings.map(\.criterion) == [.time, .queue, .information])
        #expect(record.text == "Долго ждали & ничего")
        #expect(record.region == "54" && record.serviceID == "10000000101" && record.authorityID == "10000001197")
        #expect(record.quarter.description == "2026Q2")  // 23:30 local on 30 June, UTC+7
    }

    @Test func aFormWithoutCommentIsStillARecord() throws {
        let sink = try read(Self.document(Self.form(id: "2", rates: #"<mkgu:rate indicator-id="11" value-id="52"/>"#)))
        #expect(sink.records.count == 1 && sink.records[0].text.isEmpty && sink.records[0].ratings.first?.score == 2)
    }

    @Test func unknownIndicatorOrValueQuarantinesTheForm() throws {
        let forms =
            Self.form(id: "3", rates: #"<mkgu:rate indicator-id="9" value-id="999"/>"#)
            + Self.form(id: "4", rates: #"<mkgu:rate indicator-id="77" value-id="41"/>"#)
            + Self.form(id: "5", okato: "00000000000", rates: #"<mkgu:rate indicator-id="9" value-id="45"/>"#)
        let sink = try read(Self.document(forms))
        #expect(sink.records.isEmpty)
        #expect(sink.reasons == [.unknownRateValue, .unknownRateValue, .unknownRegion])
    }

    @Test(arguments: [
        ("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>", QuarantineReason.dtdForbidden),
        ("<mkgu:body xmlns:mkgu=\"http://vashkontrol.ru#\"><mkgu:forms>", .malformedXML),
        ("", .emptyFile),
        ("<other xmlns=\"urn:x\"/>", .malformedXML),
    ])
    func brokenDocumentsAreRejectedWhole(xml: String, reason: QuarantineReason) throws {
        do {
            _ = try read(xml)
            Issue.record("expected a rejection")
        } catch let error as LocatedFailure {
            #expect(error.code == .ingest(reason))
        }
    }

    @Test func invalidUTF8InAnElementNameDoesNotCrash() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("bad.xml", [0x3C, 0xF4, 0x3E, 0x3C, 0x2F, 0xF4, 0x3E])
        let feed = try #require(configuration.feed(named: "portal-mkgu"))
        let failure = #expect(throws: LocatedFailure.self) {
            _ = try CollectedRows(
                PortalAdapter(regions: configuration.regions, forms: configuration.ratingForms),
                FeedFile(url: url, displayPath: "bad.xml", feed: feed)
            )
        }
        #expect(failure?.code.ingestReason != nil && failure?.location?.path == "bad.xml")
    }
}
