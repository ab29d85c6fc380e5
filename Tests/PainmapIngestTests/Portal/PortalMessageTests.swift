import Foundation
import PainmapCore
import PainmapPipeline
import Testing

@testable import PainmapIngest

/// «Ваш контроль» messages as МФЦ queue systems and the СМЭВ 3 rates service send them
/// (fixtures in `Tests/Fixtures/exports`, written from DOMAIN.md §6.2).
@Suite struct PortalMessageTests {
    let configuration: PainmapConfiguration

    init() throws {
        configuration = try ConfigurationLoader().load(directory: PackageRoot.url.appendingPathComponent("Config"))
    }

    func read(fixture name: String) throws -> (CollectedRows, FileReadSummary) {
        let url = PackageRoot.url.appendingPathComponent("Tests/Fixtures/exports/\(name)")
        let feed = try #require(configuration.feed(named: "portal-mkgu"))
        let rows = try CollectedRows(
            PortalAdapter(
                regions: configuration.regions,
                forms: configuration.ratingForms,
                now: Date(timeIntervalSince1970: 1_800_000_000)
            ),
            FeedFile(url: url, displayPath: name, feed: feed)
        )
        return (rows, rows.summary)
    }

    /// Reads `xml` written to a temporary file.
    func read(_ xml: String, name: String) throws -> CollectedRows {
        let directory = try TemporaryDirectory()
        let url = try directory.write(name, text: xml)
        let feed = try #require(configuration.feed(named: "portal-mkgu"))
        return try CollectedRows(
            PortalAdapter(regions: configuration.regions, forms: configuration.ratingForms),
            FeedFile(url: url, displayPath: name, feed: feed)
        )
    }

    @Test func aSignedQueueMessageOfProtocol002StoresItsValidFormsAndQuarantinesTheMalformedOnes() throws {
        let (sink, summary) = try read(fixture: "mkgu_queue_signed_v002.xml")
        #expect(summary.encoding == "utf-8+xmldsig")
        #expect(sink.records.count == 2)
        #expect(sink.records.map(\.sourceRecordID) == ["1042/T-2026-07-15-0042", "1042/T-2026-07-15-0045"])
        let first = try #require(sink.records.first)
        #expect(first.ratings.map(\.score) == [2, 1, 5, 4, 3])
        #expect(first.text == "Талон взяли в 10:20, приняли через час, окно работало одно")
        #expect(first.region == "54" && first.procedureID == nil && first.serviceID == "10001720101")
        // 10:20 local (UTC+7) is 03:20 UTC.
        #expect(first.receivedAt == Date(timeIntervalSince1970: 1_784_085_600))
        #expect(sink.records[1].text.isEmpty && sink.records[1].ratings.map(\.score) == [5, 5, 5, 5, 5])
        #expect(sink.reasons == [.badDate, .badIdentifier])
        #expect(sink.quarantined.map(\.column) == ["date", "okato"])
        // The lines of the two forms' start tags.
        #expect(sink.quarantined.map(\.line) == [24, 38])
    }

    @Test func anUnsignedMessageIsRecordedAsSuch() throws {
        let xml = try String(
            contentsOf: PackageRoot.url.appendingPathComponent("Tests/Fixtures/exports/mkgu_queue_signed_v002.xml"),
            encoding: .utf8
        )
        let cut = try #require(xml.range(of: "<ds:Signature"))
        let end = try #require(xml.range(of: "</ds:Signature>"))
        let unsigned = String(xml[..<cut.lowerBound]) + String(xml[end.upperBound...])
        let sink = try read(unsigned, name: "unsigned.xml")
        #expect(sink.summary.encoding == "utf-8")
        #expect(sink.records.count == 2 && sink.quarantined.count == 2)
    }

    @Test func aSMEV3RatesRequestStoresItsForms() throws {
        let (sink, summary) = try read(fixture: "smev3_rates_request.xml")
        #expect(summary.encoding == "utf-8")
        #expect(sink.records.map(\.sourceRecordID) == ["7001", "7002"])
        #expect(sink.records.map { $0.ratings.map(\.score) } == [[1, 2, 3, 3, 2], [4, 5]])
        #expect(sink.records[0].procedureID == "10001820101" && sink.records[1].procedureID == nil)
        #expect(sink.records.allSatisfy { $0.region == "54" && $0.quarter.description == "2026Q3" })
        // 14:00 without a zone is the region's local time (UTC+7).
        #expect(sink.records[1].receivedAt == Date(timeIntervalSince1970: 1_785_826_800))
        #expect(sink.reasons == [.badIdentifier])
        #expect(sink.quarantined.first?.column == "mkgu-id")
    }

    @Test func ratesRequestValuesMayComeAsChildElementsAndWordsInARateAreTheComment() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <r:RatesRequest xmlns:r="http://vashkontrol.ru/service/rates/1.2.0">
              <r:vendor><r:id>77</r:id></r:vendor>
              <r:forms><r:form>
                <r:mkgu-id>0</r:mkgu-id><r:foreign-id>A-1</r:foreign-id>
                <r:data>
                  <r:user><r:id>1</r:id></r:user>
                  <r:authority><r:id>10000015401</r:id></r:authority>
                  <r:service><r:id>10001720101</r:id></r:service>
                  <r:date>2026-08-03T09:15:00Z</r:date>
                  <r:received-date>2026-08-03T09:15:00Z</r:received-date>
                  <r:okato>50401000000</r:okato>
                </r:data>
                <r:rates>
                  <r:rate><r:indicator-id>12</r:indicator-id><r:value-id>56</r:value-id>Душно, негде сесть</r:rate>
                </r:rates>
              </r:form></r:forms>
            </r:RatesRequest>
            """
        let sink = try read(xml, name: "rates.xml")
        let record = try #require(sink.records.first)
        #expect(record.sourceRecordID == "77/A-1" && record.authorityID == "10000015401")
        #expect(record.ratings.map(\.score) == [1] && record.text == "Душно, негде сесть")
    }

    @Test(arguments: [
        ("<mkgu:okato>5040100000X</mkgu:okato>", QuarantineReason.badIdentifier, "okato"),
        (
            "<mkgu:okato>50401000000</mkgu:okato><mkgu:service id=\"1000172\">x</mkgu:service>", .badIdentifier,
            "service"
        ),
        (
            "<mkgu:okato>50401000000</mkgu:okato><mkgu:received-date>вчера</mkgu:received-date>", .badDate,
            "received-date"
        ),
        ("<mkgu:okato>50401000000</mkgu:okato>", .missingRequired, "date"),
    ])
    func eachMalformedFormIsQuarantinedAloneWithItsReason(data: String, reason: QuarantineReason, column: String) throws
    {
        let good = """
            <mkgu:form mkgu-id="1" foreign-id="a"><mkgu:data><mkgu:date>2026-07-01 09:00:00</mkgu:date>\
            <mkgu:okato>50401000000</mkgu:okato></mkgu:data><mkgu:rates><mkgu:rate indicator-id="9" value-id="43"/>\
            </mkgu:rates></mkgu:form>
            """
        let date = reason == .missingRequired ? "" : "<mkgu:date>2026-07-01 09:00:00</mkgu:date>"
        let bad = """
            <mkgu:form mkgu-id="2" foreign-id="b"><mkgu:data>\(date)\(data)</mkgu:data></mkgu:form>
            """
        let xml = """
            <mkgu:body xmlns:mkgu="http://vashkontrol.ru#"><mkgu:vendor id="5"><mkgu:form-version>0.0.2</mkgu:form-version>\
            </mkgu:vendor><mkgu:forms>\(good)\(bad)\(good.replacingOccurrences(of: "mkgu-id=\"1\"", with: "mkgu-id=\"3\""))\
            </mkgu:forms></mkgu:body>
            """
        let sink = try read(xml, name: "m.xml")
        #expect(sink.records.map(\.sourceRecordID) == ["1", "3"])
        #expect(sink.reasons == [reason])
        #expect(sink.quarantined.first?.column == column)
    }
}
