import PainmapText
import Testing

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test(arguments: [
        ("Ёлка и ёж", "елка и еж"),
        ("ЕЩЁ РАЗ", "еще раз"),
        ("Привет, МИР! Hello WORLD", "привет, мир! hello world"),
        ("ÀÉÎ", "àéî"),
        ("ЇЖАК Ґ", "їжак Ґ"),  // Ї is in U+0400…U+040F; Ґ (U+0490) is outside the folded ranges
    ])
    func foldsCaseAndYo(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test(arguments: [
        ("мoлоко", "молоко"),  // Latin o
        ("MOЛОКО", "молоко"),  // Latin M and O, upper case
        ("cтaтуc", "статус"),  // Latin c, a, c
        ("вызов ТEХНИКА", "вызов техника"),
        ("iPhone", "iphone"),  // no Cyrillic letter: stays Latin
        ("iРhone", "iрhone"),  // a Latin letter with no twin (i, n): nothing is replaced
        ("кто-тo", "кто-то"),
    ])
    func replacesLatinLookAlikesInsideCyrillicWords(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test(arguments: [
        ("смотрите https://www.gosuslugi.ru/help?x=1 там", "смотрите там"),
        ("(см. http://mos.ru/page).", "(см. )."),
        ("сайт www.mos.ru не работает", "сайт не работает"),
        ("зайдите на gosuslugi.ru/pay, там", "зайдите на , там"),
        ("портал госуслуги.рф", "портал"),
        ("т.д. и т.п., г.москва, ул.ленина", "т.д. и т.п., г.москва, ул.ленина"),
        ("ответ на Ivan.Petrov+1@Mail.ru пришёл", "ответ на пришел"),
        ("почта: адрес@почта.рф.", "почта: ."),
        ("собака @ не адрес", "собака @ не адрес"),
    ])
    func removesURLsAndEmails(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test(arguments: [
        ("звонил 3 раза, +7 (912) 123-45-67", "звонил раза, + ( ) - -"),
        ("с 12.05.2024 по 1,5 месяца", "с . . по , месяца"),
        ("100руб и covid-19", "руб и covid-"),
        ("заявление № 123", "заявление"),
        ("2024", ""),
    ])
    func removesDigits(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test(arguments: [
        ("Звонил [ФИО] с номера [ТЕЛЕФОН]", "звонил с номера"),
        ("пишите [EMAIL]", "пишите"),
        ("адрес: [АДРЕС_ДОМА] и [НОМЕР 2]", "адрес: и"),
        ("[ФИО][ТЕЛЕФОН]сосед", "сосед"),
        ("прикладываю [фото]", "прикладываю [фото]"),  // lower case: the citizen wrote it
        ("[Ещё] [] [ФИО", "[еще] [] [фио"),
    ])
    func removesRedactionPlaceholders(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test(arguments: [
        ("ﬁle", "file"),  // ligature
        ("ＭＦＣ ｍｆｃ", "mfc mfc"),  // full-width
        ("и\u{306}од", "йод"),  // decomposed й is composed
        ("за\u{301}мок", "замок"),  // stress mark removed
        ("очередь\u{A0}в\u{2003}сад", "очередь в сад"),  // no-break and em spaces
        ("ком\u{AD}пью\u{200B}тер", "компьютер"),  // soft hyphen, zero-width space
        ("кто\u{2010}то", "кто-то"),  // Unicode hyphen
        ("«Госуслуги» — всё…", "«госуслуги» — все"),
        ("ﬁle… № 5", "file"),  // № and … go the same way with and without NFKC
    ])
    func appliesCompatibilityNormalization(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test(arguments: ["", "   ", "\n\t\r", "\u{0}", "[ФИО]", "123 456"])
    func givesEmptyTextForNothingToKeep(text: String) {
        #expect(normalizer.normalize(text) == "")
    }

    @Test func documentationExampleHolds() {
        let text = "Ёлки, [ФИО] пишет: мoлоко 2 л. https://mos.ru/x"
        #expect(normalizer.normalize(text) == "елки, пишет: молоко л.")
    }

    @Test func collapsesWhitespaceAndControls() {
        #expect(normalizer.normalize("  очередь\n\n\tв\u{0}сад  ") == "очередь в сад")
    }

    @Test(arguments: [
        "Здравствуйте! Ёлки, [ФИО] пишет: мoлоко 2 л. https://mos.ru/x",
        "Пишите на ivan.petrov@mail.ru или +7 (912) 123-45-67",
        "ЗА́МОК ﬁle ｆｕｌｌ й кто-то из-за т.д. 100руб",
        "😀\u{0}\u{301}\u{FEFF}[ \u{200D}🇷🇺",
    ])
    func isIdempotent(text: String) {
        let once = normalizer.normalize(text)
        #expect(normalizer.normalize(once) == once)
    }
}
