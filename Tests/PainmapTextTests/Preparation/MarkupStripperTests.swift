import PainmapText
import Testing

@Suite struct MarkupStripperTests {
    let stripper = MarkupStripper()

    @Test func removesTagsWithInlineStylesAndDecodesEntities() {
        let text = """
            <p><span style=`background-color:rgb(255,255,255);color:rgb(102,102,102)`>Яма&nbsp;на&nbsp;дороге\
            </span></p><br/>&laquo;опасно&raquo;
            """
        #expect(stripper.strip(text).split(separator: " ") == ["Яма", "на", "дороге", "«опасно»"])
    }

    @Test func decodesEscapedMarkupAndNumericEntities() {
        #expect(stripper.strip("&lt;p&gt;Нет света&lt;/p&gt;").split(separator: " ") == ["Нет", "света"])
        #expect(stripper.strip("&amp;nbsp;двор&#171;&#x00BB;").split(separator: " ") == ["двор«»"])
    }

    @Test func removesComments() {
        #expect(stripper.strip("Мусор<!-- <p>old</p> -->у дома") == "Мусор у дома")
    }

    @Test func keepsTextThatOnlyLooksLikeMarkup() {
        for text in ["Ждём <5 минут", "a < b и c > d", "Ток & вода", "AT&T; ок", "<не закрыто", "Без разметки"] {
            #expect(stripper.strip(text) == text)
        }
    }

    @Test func analyzerWithPreparationIgnoresMarkupWords() {
        let text = "<p><span style=\"color:rgb(1,2,3)\">Не работает освещение</span></p>&nbsp;"
        let prepared = TextAnalyzer(preparation: .letters).analyze(text).map(\.surface)
        #expect(prepared == ["работает", "освещение"])
        let raw = TextAnalyzer().analyze(text).map(\.surface)
        #expect(raw.contains("span") && raw.contains("nbsp"))
    }
}
