import Foundation
import PainmapReports
import Testing

/// Every format of the fixture compared byte for byte with the committed golden files.
@Suite struct GoldenReportTests {
    let renderer = ReportRenderer()

    @Test(arguments: ReportFormat.allCases)
    func reportMatchesGolden(_ format: ReportFormat) throws {
        try GoldenFile.check(
            renderer.render(ReportFixture.kindergarten(), as: format),
            against: "kindergarten.\(format.fileExtension)"
        )
    }

    @Test func indexMatchesGolden() throws {
        let index = ReportFixture.index([ReportFixture.kindergarten(), ReportFixture.benefits()])
        try GoldenFile.check(renderer.renderIndex(index), against: "index.html")
        try GoldenFile.check(renderer.renderIndexJSON(index), against: "index.json")
    }

    @Test func overviewMatchesGolden() throws {
        try GoldenFile.check(renderer.renderOverview(ReportFixture.overview()), against: "overview.html")
        try GoldenFile.check(renderer.renderOverviewJSON(ReportFixture.overview()), against: "overview.json")
    }

    @Test func workbookMatchesGolden() throws {
        let reports = [ReportFixture.kindergarten(), ReportFixture.benefits()]
        try GoldenFile.check(renderer.regionWorkbook(reports, index: ReportFixture.index(reports)), against: "54.xlsx")
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let reports = [ReportFixture.kindergarten(), ReportFixture.benefits()]
        for format in ReportFormat.allCases {
            #expect(
                try renderer.render(reports[0], as: format) == renderer.render(ReportFixture.kindergarten(), as: format)
            )
        }
        let index = ReportFixture.index(reports)
        #expect(renderer.renderIndex(index) == renderer.renderIndex(ReportFixture.index(reports)))
        #expect(renderer.renderOverview(ReportFixture.overview()) == renderer.renderOverview(ReportFixture.overview()))
        #expect(try renderer.regionWorkbook(reports, index: index) == renderer.regionWorkbook(reports, index: index))
    }
}
