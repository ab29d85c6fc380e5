import Foundation
import PainmapCore
import Testing

@testable import PainmapReports

/// A page's visible text collected as it is written reads as the gate reads the finished page.
@Suite struct PageTextTests {
    /// `value` escaped as the workspace writes values.
    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Markup cut before every `<` and after every space: tags and text runs span fragments.
    private func fragments(_ markup: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in markup {
            if character == "<", !current.isEmpty {
                parts.append(current)
                current = ""
            }
            current.append(character)
            if character == " " {
                parts.append(current)
                current = ""
            }
        }
        parts.append(current)
        return parts
    }

    @Test func markupInFragmentsReadsAsTheWholePage() throws {
        var pages = [
            "<td>8&#160;(913)</td><B>Жирный</B><SPAN class=x>в строке</SPAN><//span>два<a href='/ж'>ссылка</a>",
            "<bб>не имя</bб><b\u{0301}>знак</b\u{0301}><İ>точка</İ><Td>ячейка</tD>",
            "текст > не тег <i>курсив</i> <незакрытый",
            "<p>абзац</p><br/><wbr>перенос<time datetime=\"2026\">время</time><h1>заголовок</h1>",
            "<p a=<b>вложенный < тег</p>&amp;lt; &quot;кавычки&quot; &#x41;&#65; &unknown; & просто",
            "<STRONG>ж</STRONG><strongest>x</strongest><blockquote class=a>ц</blockquote><span\u{0301} x>м</span>",
            "<a/b>я</a><//SMALL>ъ<sup\u{00E9}>е</sup><wbr\ttab>т<code\u{0301}x>к</code><timex>в</timex>",
            "",
        ]
        pages += try GoldenFile.htmlPages()
        for page in pages {
            var text = PageText()
            for fragment in fragments(page) { text.appendMarkup(fragment) }
            #expect(text.text == ReportGate.markupText(page), "\(page.prefix(40))")
        }
    }

    @Test func valuesReadAsTheirEscapedMarkupReads() {
        let values = [
            "<script>alert(1)</script> & \"x\" 'y'", "&amp; уже сущность", "Сидоров Петр, 8 913 555-12-34",
            "строка\nвторая|ячейка; «цитата»", "", "a > b < c",
        ]
        for value in values {
            var markup = ""
            var text = PageText()
            func raw(_ fragment: String) {
                markup += fragment
                text.appendMarkup(fragment)
            }
            func write(_ value: String) {
                let escaped = escape(value)
                markup += escaped
                text.appendText(value, escaped: escaped[...])
            }
            raw("<p class=\"lead\">")
            write(value)
            raw("<span>")
            write(value)
            raw("</span></p><input type=\"text\" value=\"")
            write(value)  // an attribute: not visible text, as in the finished page
            raw("\"><textarea name=\"t\">")
            write(value)
            raw("</textarea>")
            #expect(text.text == ReportGate.markupText(markup), "\(value)")
            #expect(!text.isInsideTag)

            var outer = PageText()
            outer.appendMarkup("<main><h1>заголовок</h1>")
            outer.append(text, markup: markup)
            #expect(outer.text == ReportGate.markupText("<main><h1>заголовок</h1>" + markup))
            var open = PageText()
            open.appendMarkup("<div title=\"")
            open.append(text, markup: markup)
            #expect(open.text == ReportGate.markupText("<div title=\"" + markup))
        }
    }

    @Test func aPageTextIsScannedAsItsMarkup() throws {
        let gate = ReportGate(identifiers: [], privacy: .default)
        let markup = "<h1>Звоните</h1><td>8 913 555-12-34</td><p>пишите ivan.petrov@mail.ru</p>"
        var text = PageText()
        text.appendMarkup(markup)
        let findings = gate.inspect(pageText: text.text, name: "/q")
        #expect(findings == gate.inspect(page: markup, name: "/q"))
        #expect(Set(findings.map(\.type)) == [.phone, .email])
    }
}
