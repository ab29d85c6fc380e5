import PainmapText
import Testing

/// Operators' notes give their content, never their frame or answer; near-copies are told apart by shingles.
@Suite struct OperatorPhrasingTests {
    let phrasing = OperatorPhrasing()

    @Test(arguments: [
        ("Звонившая жалуется на отсутствие движения очереди", "Нет движения очереди"),
        (
            "Заявитель сообщает, что не может дозвониться в диспетчерскую службу УК.",
            "Не может дозвониться в диспетчерскую службу УК"
        ),
        ("Гражданин жалуется на задержку выплаты пособия", "Задержка выплаты пособия"),
        ("Звонивший жалуется на затопление подвала многоквартирного дома", "Затопление подвала многоквартирного дома"),
        ("Заявитель интересуется порядком получения направления на МСЭ", "Порядок получения направления на МСЭ"),
        ("Звонившая интересуется мерами социальной поддержки", "Меры социальной поддержки"),
        ("Звонившая сообщает о протечке кровли в доме", "О протечке кровли в доме"),
        ("Заявительница сообщает о невозможности записаться к врачу", "Невозможно записаться к врачу"),
        ("Гражданка обратилась с жалобой на отсутствие горячей воды", "Нет горячей воды"),
        ("Звонивший интересуется, куда жаловаться на бездействие УК", "Куда жаловаться на бездействие УК"),
        // A citizen's own sentence has no frame and stays as written.
        ("Течёт крыша, управляйка молчит", "Течёт крыша, управляйка молчит"),
    ])
    func frameIsStripped(note: String, content: String) {
        #expect(phrasing.content(of: note) == content)
    }

    @Test func answersAndRecommendationsAreDropped() {
        let note = "Звонившая жалуется на затопление подвала, УК бездействует. Рекомендовано обратиться в ГЖИ."
        #expect(phrasing.content(of: note) == "Затопление подвала, УК бездействует")
        #expect(phrasing.isAnswer("Рекомендовано обратиться в УК с заявлением о перерасчете"))
        #expect(phrasing.isAnswer("Даны контакты жилинспекции"))
        #expect(phrasing.isAnswer("Консультация оказана"))
        #expect(!phrasing.isAnswer("Не могу обратиться в УК, никто не берёт трубку"))
        #expect(phrasing.content(of: "Рекомендовано обратиться в СФР. Консультация оказана.").isEmpty)
    }

    @Test func shinglesSeeNearCopiesButNotOtherWording() {
        let a = ShingleSet("Течёт крыша над квартирой, УК не реагирует на заявки!")
        let b = ShingleSet("течет крыша над квартирой УК не реагирует на заявки")
        let typo = ShingleSet("Течёт крша над квартирой, УК не реагирует на заявки")
        let other = ShingleSet("Подвал затоплен, стоит вода и вонь на весь подъезд")
        #expect(a.jaccard(b) == 1)
        #expect(a.jaccard(typo) >= 0.5)
        #expect(a.jaccard(other) < 0.2)
        #expect(ShingleSet("").jaccard(ShingleSet("")) == 1)
    }
}
