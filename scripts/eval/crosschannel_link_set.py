#!/usr/bin/env python3
"""Independent evaluation set for the cross-channel collapse (issue 16).

Writes three small exports in the layouts Config/feeds.yaml declares (pos-csv, site-csv, hotline-122-csv) for
one region (66, Свердловская область) and one quarter (2026Q3), plus a few hard negatives in region 74, and the
ground truth:

  links.jsonl          one line per true same-complaint pair (the transitive closure of every group is listed)
  hard_negatives.jsonl pairs that look alike but are different complaints, with the reason (for per-kind analysis)
  records.jsonl        one line per record: its role (group member or hard negative) and group

Written without reading the collapse code: only Config/feeds.yaml, Config/regions.yaml, the sample feeds' headers,
README.md, ARCHITECTURE.md and DOMAIN.md were consulted. Every text is invented here from templates.

Deterministic (fixed seed, stdlib only). Usage:

  python3 scripts/eval/crosschannel_link_set.py --out Tests/Fixtures/crosschannel-independent
  python3 scripts/eval/crosschannel_link_set.py score --set Tests/Fixtures/crosschannel-independent --pred P.jsonl

P.jsonl: one predicted link per line, {"a": {"source", "natural_key"}, "b": {...}}, or one predicted collapsed
record per line, {"members": [{"source", "natural_key"}, ...]}. Scores are pairwise over the transitive closure.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import sys
from collections import Counter, defaultdict

DEFAULT_SEED = 20260716
QUARTER_START = dt.date(2026, 7, 1)
QUARTER_DAYS = 92  # 1 July .. 30 September
SITE_FORM_LIMIT = 250  # the agency site's «Содержание обращения» field cuts longer texts

REGIONS = {
    "66": {
        "okato": "65",
        "name": "Свердловская область",
        "site_prefix": "ОГ-СВО",
        "towns": [
            ("Екатеринбург", "65701000"),
            ("Екатеринбург", "65701000"),
            ("Екатеринбург", "65701000"),
            ("Нижний Тагил", "65751000"),
            ("Каменск-Уральский", "65740000"),
            ("Первоуральск", "65753000"),
            ("Верхняя Пышма", "65732000"),
        ],
    },
    "74": {
        "okato": "75",
        "name": "Челябинская область",
        "site_prefix": "ОГ-ЧО",
        "towns": [("Челябинск", "75701000"), ("Челябинск", "75701000"), ("Магнитогорск", "75738000")],
    },
}

STREETS = [
    "ул. Малышева", "ул. Белинского", "ул. Шейнкмана", "ул. Бебеля", "ул. Уральская", "ул. Сыромолотова",
    "ул. Викулова", "ул. Академика Шварца", "ул. Крестинского", "пр. Космонавтов", "ул. Амундсена",
    "ул. Посадская", "ул. Титова", "ул. Электриков", "ул. Баумана", "ул. Восточная", "ул. Советская",
    "ул. Ломоносова", "ул. Техническая", "ул. Гагарина", "ул. Пехотинцев", "ул. Бардина", "ул. Чкалова",
]
UKS = [
    "УК «Уралсервис»", "УК «ЖЭК-7»", "ООО «УЖК Территория»", "УК «Комфорт-Сити»", "ООО «Жилкомсервис-3»",
    "УК «Наш дом»", "ООО «УК Восток»", "УК «РЭМП-12»",
]
DOCTORS = ["терапевту", "неврологу", "эндокринологу", "окулисту", "кардиологу", "педиатру", "хирургу"]
DRUGS = ["инсулин", "эналаприл", "варфарин", "леветирацетам", "метформин", "бисопролол"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня"]
MONTHS_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне"]
DISTRICTS = ["Елизавета", "Уралмаша", "Компрессорного", "Широкой речки", "Химмаша", "Пионерского", "Сортировки"]
SURNAMES_M = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Морозов", "Волков",
              "Лебедев", "Козлов", "Новиков", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов"]
FIRST_M = ["Андрей", "Сергей", "Дмитрий", "Алексей", "Игорь", "Виктор", "Николай", "Павел", "Олег"]
FIRST_F = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Марина", "Анна", "Людмила"]
PATR_M = ["Андреевич", "Сергеевич", "Петрович", "Иванович", "Викторович", "Николаевич"]
PATR_F = ["Андреевна", "Сергеевна", "Петровна", "Ивановна", "Викторовна", "Николаевна"]


def slots(rng, town):
    street = rng.choice(STREETS)
    house = rng.randint(2, 160)
    return {
        "street": street,
        "house": str(house),
        "addr_plain": f"{street}, д. {house}"
        + (korpus := (f", корп. {rng.randint(1, 4)}" if rng.random() < 0.2 else "")),
        "addr": f"по {street}, д. {house}" + korpus,
        "flat": str(rng.randint(1, 280)),
        "podezd": str(rng.randint(1, 8)),
        "floor": str(rng.randint(5, 16)),
        "uk": rng.choice(UKS),
        "weeks": str(rng.randint(2, 4)),
        "cars": str(rng.randint(5, 9)),
        "hours": str(rng.randint(2, 4)),
        "months_n": str(rng.randint(2, 4)),
        "hour_mfc": str(rng.randint(9, 17)),
        "month_nom": rng.choice(["апрель", "май", "июнь", "июль"]),
        "days": str(rng.randint(5, 21)),
        "n": str(rng.randint(3, 9)),
        "kg": str(rng.randint(10, 590)),
        "school": str(rng.randint(2, 220)),
        "clinic": str(rng.randint(1, 40)),
        "doctor": rng.choice(DOCTORS),
        "drug": rng.choice(DRUGS),
        "grp": rng.choice(["I", "II", "II", "III"]),
        "route": str(rng.choice([rng.randint(1, 99), rng.randint(1, 60)])),
        "hour": str(rng.randint(19, 21)),
        "district": rng.choice(DISTRICTS),
        "windows": str(rng.randint(6, 14)),
        "minutes": str(rng.choice([50, 70, 80, 90, 110])),
        "month": rng.choice(MONTHS_GEN),
        "month_prep": rng.choice(MONTHS_PREP),
        "age": str(rng.randint(2, 4)),
        "age_old": str(rng.choice([68, 69, 70, 75, 76, 77, 78, 79, 80, 85, 86, 87, 88, 89, 90])),
        "sum": f"{rng.randint(1, 9)} {rng.randint(100, 999)}",
        "date": f"{rng.randint(1, 28):02d}.{rng.choice(['05', '06', '07'])}.2026",
        "town": town,
        "year": str(rng.randint(2012, 2019)),
        "temp": str(rng.randint(14, 17)),
        "income": f"{rng.randint(60, 400)} {rng.randint(100, 999)}",
    }


# Each topic: where the channels file it, two citizen wordings of one complaint (same slots, different words),
# detail sentences that make a letter longer, the hotline operator's clause, and short generic phrasings that many
# different people write.
TOPICS = [
    {
        "key": "lift", "pos": ("ЖКХ", "Лифты"), "site": "Жилищно-коммунальная сфера", "hot": ("ЖКХ", "Лифты"),
        "org": "Департамент государственного жилищного и строительного надзора Свердловской области",
        "citizen": [
            "В доме {addr} в {podezd} подъезде уже {weeks} недели не работает лифт. {uk} заявки принимает, но "
            "ничего не делает.",
            "Лифт в {podezd} подъезде дома {addr} стоит {weeks} недели, управляющая компания {uk} только обещает "
            "починить.",
        ],
        "details": ["У нас пожилые и коляски, на {floor} этаж пешком.", "Мама после операции не выходит из дома.",
                    "Продукты носим на {floor} этаж на руках."],
        "operator": "в {podezd} подъезде дома {addr} {weeks} недели не работает лифт, {uk} заявки не исполняет",
        "generic": ["Не работает лифт", "Не работает лифт!!!", "лифт не работает уже неделю",
                    "Опять сломан лифт, сколько можно", "Не работает лифт в подъезде, УК не реагирует"],
        "generic_op": ["жалуется на неработающий лифт", "сообщает, что в доме не работает лифт"],
    },
    {
        "key": "kindergarten", "pos": ("Образование", "Очередь в детские сады"),
        "site": "Образование", "hot": ("Образование", "Комплектование дошкольных образовательных организаций"),
        "org": "Министерство образования и молодежной политики Свердловской области",
        "citizen": [
            "Стоим в очереди в детский сад № {kg} с {month} прошлого года, ребёнку {age} года, место так и не "
            "дали. Предложили сад на другом конце города.",
            "Ребёнку {age} года, с {month} прошлого года ждём место в детском саду № {kg}. Вместо него дают сад "
            "на другом конце города, возить не на чем.",
        ],
        "details": ["Мне нужно выходить на работу, декрет закончился.", "Номер в очереди не меняется уже полгода.",
                    "В комплектовании говорят, что мест нет."],
        "operator": "ребёнку {age} года с {month} прошлого года не предоставлено место в детском саду № {kg}, "
                    "предложен сад далеко от дома",
        "generic": ["Нет мест в детском саду", "нет мест в детском саду!", "В садик не берут, мест нет",
                    "Ребенка не берут в детский сад, нет мест", "Очередь в детский сад не движется"],
        "generic_op": ["сообщает, что нет мест в детском саду", "жалуется на отсутствие мест в детском саду"],
    },
    {
        "key": "garbage", "pos": ("ЖКХ", "Вывоз ТКО"), "site": "Жилищно-коммунальная сфера",
        "hot": ("ЖКХ", "Обращение с ТКО"), "org": "Министерство энергетики и ЖКХ Свердловской области",
        "citizen": [
            "Мусор с контейнерной площадки у дома {addr} не вывозят {days} дней, баки переполнены, мешки лежат "
            "на земле.",
            "У дома {addr} контейнеры переполнены, мусор не вывозили уже {days} дней, вокруг площадки свалка.",
        ],
        "details": ["Появились крысы.", "Региональный оператор на звонки не отвечает.", "Запах на весь двор."],
        "operator": "с контейнерной площадки у дома {addr} {days} дней не вывозят мусор",
        "generic": ["Не вывозят мусор", "Мусор не вывозят уже неделю", "Контейнеры переполнены, мусор не вывозят",
                    "не вывозят мусор!!"],
        "generic_op": ["жалуется на несвоевременный вывоз мусора", "сообщает, что во дворе не вывозят мусор"],
    },
    {
        "key": "hotwater", "pos": ("ЖКХ", "Горячее водоснабжение"), "site": "Жилищно-коммунальная сфера",
        "hot": ("ЖКХ", "Водоснабжение"), "org": "Министерство энергетики и ЖКХ Свердловской области",
        "citizen": [
            "В доме {addr} нет горячей воды с {date}, обещали дать после опрессовки, срок давно прошёл. {uk} "
            "объявлений не вешает.",
            "С {date} в доме {addr} отключена горячая вода. Срок опрессовки прошёл, {uk} ничего не объясняет.",
        ],
        "details": ["Греем воду в кастрюлях, в семье маленький ребёнок.", "На сайте УК никакой информации нет."],
        "operator": "в доме {addr} с {date} нет горячей воды, сроки опрессовки истекли",
        "generic": ["Нет горячей воды", "Нет горячей воды уже месяц!", "когда дадут горячую воду?",
                    "Отключили горячую воду и не включают"],
        "generic_op": ["жалуется на отсутствие горячей воды", "сообщает, что в доме нет горячей воды"],
    },
    {
        "key": "doctor", "pos": ("Здравоохранение", "Запись на прием к врачу"), "site": "Здравоохранение",
        "hot": ("Здравоохранение", "Доступность медицинской помощи"),
        "org": "Министерство здравоохранения Свердловской области",
        "citizen": [
            "В поликлинике № {clinic} невозможно записаться к {doctor}: через Госуслуги записи нет на {weeks} "
            "недели вперёд, по телефону регистратуры не дозвониться.",
            "Не могу записаться к {doctor} в поликлинику № {clinic}. На Госуслугах свободных талонов нет на {weeks} "
            "недели, в регистратуре трубку не берут.",
        ],
        "details": ["Ребёнок болеет, ждать нельзя.", "Хожу к 7 утра за талоном, талонов нет.",
                    "Платно принимают хоть завтра."],
        "operator": "в поликлинике № {clinic} нет записи к {doctor} на {weeks} недели вперёд, регистратура не "
                    "отвечает на звонки",
        "generic": ["Невозможно записаться к врачу", "Нет талонов к врачу", "нет записи к врачу, что делать?",
                    "Не могу записаться к терапевту"],
        "generic_op": ["жалуется на невозможность записаться к врачу", "сообщает, что нет талонов к врачу"],
    },
    {
        "key": "road", "pos": ("Дороги", "Ремонт дорог"), "site": "Транспорт и дороги",
        "hot": ("Дороги", "Содержание дорог"),
        "org": "Министерство транспорта и дорожного хозяйства Свердловской области",
        "citizen": [
            "На {street} возле дома № {house} яма на всю полосу, уже {cars} машин пробили колёса. Заявку в "
            "администрацию района подавали в {month_prep}.",
            "Возле дома № {house} по {street} огромная яма во всю полосу, пробили колёса уже {cars} машин, а "
            "заявка в администрации района лежит с {month}.",
        ],
        "details": ["Ночью её не видно, фонарей нет.", "Дорожники приезжали, посмотрели и уехали."],
        "operator": "на {street} у дома № {house} яма на проезжей части, повреждено {cars} автомобилей",
        "generic": ["Ямы на дорогах", "Дорога вся в ямах", "Когда отремонтируют дорогу? Одни ямы",
                    "Ямы на дороге, невозможно проехать"],
        "generic_op": ["жалуется на ямы на дороге", "сообщает о неудовлетворительном состоянии дороги"],
    },
    {
        "key": "bus", "pos": ("Транспорт", "Общественный транспорт"), "site": "Транспорт и дороги",
        "hot": ("Транспорт", "Работа общественного транспорта"),
        "org": "Министерство транспорта и дорожного хозяйства Свердловской области",
        "citizen": [
            "Автобус № {route} перестал ходить по вечерам, после {hour}:00 до {district} не уехать. Раньше "
            "интервал был 15 минут, теперь час.",
            "После {hour}:00 автобусы маршрута № {route} не ходят, до {district} добраться невозможно, днём "
            "интервал стал час вместо 15 минут.",
        ],
        "details": ["Работаю до восьми, домой иду пешком 40 минут.", "Такси каждый день не по карману."],
        "operator": "автобус маршрута № {route} не ходит после {hour}:00, увеличен интервал движения до {district}",
        "generic": ["Автобусы не ходят", "Автобус ходит раз в час", "Не дождаться автобуса, интервал огромный",
                    "Автобусы ходят редко"],
        "generic_op": ["жалуется на большой интервал движения автобусов", "сообщает, что автобусы ходят редко"],
    },
    {
        "key": "mfc", "pos": ("Госуслуги", "Работа МФЦ"), "site": "Государственные и муниципальные услуги",
        "hot": ("Госуслуги", "Работа МФЦ"), "org": "ГБУ СО «Многофункциональный центр»",
        "citizen": [
            "В МФЦ на {street} записалась на {hour_mfc}:00, приняли только через {minutes} минут. Электронная очередь "
            "не работает, открыто два окна из {windows}.",
            "Была записана в МФЦ на {street} к {hour_mfc}:00, а приняли через {minutes} минут: из {windows} окон "
            "работают два, электронная очередь сломана.",
        ],
        "details": ["Пришлось отпрашиваться с работы второй раз.", "Люди стоят в коридоре."],
        "operator": "в МФЦ на {street} приём по записи задерживается на {minutes} минут, работают два окна из "
                    "{windows}",
        "generic": ["Очереди в МФЦ", "В МФЦ огромная очередь", "Долго ждать в МФЦ", "очередь в МФЦ по 2 часа"],
        "generic_op": ["жалуется на очереди в МФЦ", "сообщает о длительном ожидании в МФЦ"],
    },
    {
        "key": "medicine", "pos": ("Здравоохранение", "Лекарственное обеспечение"), "site": "Здравоохранение",
        "hot": ("Здравоохранение", "Льготное лекарственное обеспечение"),
        "org": "Министерство здравоохранения Свердловской области",
        "citizen": [
            "Третий месяц не могу получить льготный {drug} по рецепту, в аптеке говорят, что поставки нет. Я "
            "инвалид {grp} группы.",
            "По льготному рецепту {drug} не выдают уже три месяца — в аптеке нет поставки. Инвалид {grp} группы, "
            "покупаю за свои деньги.",
        ],
        "details": ["Пенсии на лекарства не хватает.", "Рецепт выписывают, а толку нет."],
        "operator": "три месяца не выдаётся льготный препарат {drug}, заявитель инвалид {grp} группы",
        "generic": ["Нет льготных лекарств", "В аптеке нет льготных лекарств", "Не дают лекарства по рецепту",
                    "нет лекарств по льготе"],
        "generic_op": ["жалуется на отсутствие льготных лекарств в аптеке",
                       "сообщает, что не может получить льготное лекарство"],
    },
    {
        "key": "roof", "pos": ("ЖКХ", "Содержание общего имущества"), "site": "Жилищно-коммунальная сфера",
        "hot": ("ЖКХ", "Содержание общего имущества"),
        "org": "Департамент государственного жилищного и строительного надзора Свердловской области",
        "citizen": [
            "Течёт крыша над квартирой {flat} в доме {addr}, после каждого дождя вода бежит по стене. Заявки в "
            "{uk} подаём с {month}, ответ один — ждите капремонта.",
            "В доме {addr} протекает кровля, квартиру {flat} заливает при каждом дожде. {uk} с {month} "
            "отвечает, что ремонт только по капремонту.",
        ],
        "details": ["Обои отошли, на потолке плесень.", "Проводку замкнуло, сидим без света в комнате."],
        "operator": "протекает кровля над квартирой {flat} в доме {addr}, {uk} с {month} ремонт не проводит",
        "generic": ["Течёт крыша", "Протекает крыша, УК ничего не делает", "Течет крыша, заливает квартиру"],
        "generic_op": ["жалуется на протечку кровли"],
    },
    {
        "key": "pension", "pos": ("Социальная защита", "Пенсионное обеспечение"), "site": "Социальное обеспечение",
        "hot": ("Социальная защита", "Пенсии"), "org": "ОСФР по Свердловской области",
        "citizen": [
            "Подала заявление на перерасчёт пенсии в клиентскую службу СФР в {month_prep}, прошло {months_n} месяца, "
            "ответа нет, в личном кабинете статус «на рассмотрении».",
            "В {month_prep} подала в СФР заявление о перерасчёте пенсии. {months_n} месяца висит статус «на "
            "рассмотрении», в клиентской службе ничего не объясняют.",
        ],
        "details": ["Стаж подтверждён справками из архива.", "Звонила на горячую линию, там советуют ждать."],
        "operator": "заявление о перерасчёте пенсии, поданное в {month_prep}, {months_n} месяца не рассмотрено",
        "generic": ["Не пересчитали пенсию", "Долго рассматривают перерасчет пенсии", "где мой перерасчет пенсии?"],
        "generic_op": ["интересуется сроками перерасчёта пенсии"],
    },
    {
        "key": "benefit", "pos": ("Социальная защита", "Единое пособие"), "site": "Социальное обеспечение",
        "hot": ("Социальная защита", "Единое пособие"), "org": "ОСФР по Свердловской области",
        "citizen": [
            "Отказали в едином пособии на детей из-за дохода {income} рублей, которого у нас нет, это вклад, "
            "закрытый в прошлом году. Подала повторно — снова отказ.",
            "Второй раз отказ в едином пособии: насчитали доход {income} рублей по вкладу, который закрыт в "
            "прошлом году. Денег этих у семьи нет.",
        ],
        "details": ["Трое детей, муж на СВО.", "В СФР говорят, что так посчитала программа."],
        "operator": "отказано в едином пособии из-за учтённого дохода {income} рублей по закрытому вкладу",
        "generic": ["Отказали в едином пособии", "Необоснованный отказ в пособии на детей",
                    "отказ в едином пособии, почему?"],
        "generic_op": ["не согласна с отказом в назначении единого пособия"],
    },
    {
        "key": "mse", "pos": ("Здравоохранение", "Медико-социальная экспертиза"), "site": "Здравоохранение",
        "hot": ("Социальная защита", "Медико-социальная экспертиза"),
        "org": "ФКУ «ГБ МСЭ по Свердловской области» Минтруда России",
        "citizen": [
            "Маме {age_old} лет, после инсульта. Направление на МСЭ в поликлинике № {clinic} не оформляют уже "
            "{weeks} недели, говорят, нет невролога.",
            "Поликлиника № {clinic} {weeks} недели не может оформить направление на МСЭ моей маме, {age_old} "
            "лет, лежачая после инсульта: нет невролога.",
        ],
        "details": ["Без инвалидности нет памперсов и коляски.", "Врача на дом не дождаться."],
        "operator": "поликлиника № {clinic} {weeks} недели не оформляет направление на МСЭ матери {age_old} лет "
                    "после инсульта",
        "generic": ["Не дают направление на МСЭ", "Долго оформляют инвалидность"],
        "generic_op": ["интересуется порядком оформления направления на МСЭ"],
    },
    {
        "key": "school", "pos": ("Образование", "Зачисление в школу"), "site": "Образование",
        "hot": ("Образование", "Общее образование"),
        "org": "Департамент образования Администрации города Екатеринбурга",
        "citizen": [
            "Ребёнка не записали в первый класс школы № {school} по прописке, сказали, мест нет, хотя дом "
            "закреплён за школой. Заявление подавали через Госуслуги {date}.",
            "Школа № {school} отказала в приёме в первый класс: мест нет. Дом закреплён за этой школой, "
            "заявление через Госуслуги подано {date}.",
        ],
        "details": ["Другая школа в трёх остановках, через трассу.", "Старший ребёнок учится в этой же школе."],
        "operator": "ребёнку отказано в зачислении в первый класс школы № {school} по месту прописки",
        "generic": ["Не берут в первый класс", "Нет мест в школе", "В школу по прописке не взяли"],
        "generic_op": ["жалуется на отказ в зачислении в школу"],
    },
    {
        "key": "yard", "pos": ("Благоустройство", "Благоустройство дворов"), "site": "Благоустройство",
        "hot": ("Благоустройство", "Благоустройство территорий"),
        "org": "Администрация города Екатеринбурга",
        "citizen": [
            "Во дворе дома {addr} после замены труб в {month_prep} разрыли всё, яму так и не засыпали, ограждения "
            "нет, дети лазят.",
            "С {month} во дворе дома {addr} открытая траншея после ремонта труб, без ограждения. Дети там играют.",
        ],
        "details": ["Машины не могут выехать со двора.", "Подрядчик уехал и не вернулся."],
        "operator": "во дворе дома {addr} с {month} не засыпана траншея после ремонта сетей, нет ограждения",
        "generic": ["Разрыли двор и бросили", "Яма во дворе не засыпана"],
        "generic_op": ["жалуется на незасыпанную траншею во дворе"],
    },
    {
        "key": "dogs", "pos": ("Благоустройство", "Безнадзорные животные"), "site": "Благоустройство",
        "hot": ("Благоустройство", "Безнадзорные животные"),
        "org": "Департамент ветеринарии Свердловской области",
        "citizen": [
            "Возле школы № {school} на {street} стая бездомных собак, {n} штук, кидаются на детей. Отлов не "
            "приезжает.",
            "На {street} у школы № {school} бегает стая из {n} бездомных собак, нападают на школьников, а отлов "
            "никто не проводит.",
        ],
        "details": ["Сына покусали в прошлом месяце.", "Звонили в отлов три раза."],
        "operator": "у школы № {school} на {street} стая из {n} безнадзорных собак, отлов не проводится",
        "generic": ["Бездомные собаки", "Стаи бездомных собак во дворе", "собаки кидаются на людей, примите меры"],
        "generic_op": ["жалуется на безнадзорных собак"],
    },
    {
        "key": "bill", "pos": ("ЖКХ", "Начисление платы за ЖКУ"), "site": "Жилищно-коммунальная сфера",
        "hot": ("ЖКХ", "Плата за ЖКУ"),
        "org": "Департамент государственного жилищного и строительного надзора Свердловской области",
        "citizen": [
            "В квитанции за {month_nom} за квартиру {flat} в доме {addr} дважды начислено отопление, лишние {sum} "
            "рублей. {uk} перерасчёт делать отказывается.",
            "{uk} дважды начислила за отопление за {month_nom}: лишние {sum} рублей в квитанции за квартиру "
            "{flat} в доме {addr}, перерасчёт не делают.",
        ],
        "details": ["Платим всё вовремя, долгов нет.", "В бухгалтерии УК грубят."],
        "operator": "{uk} дважды начислила плату за отопление за {month_nom} за квартиру {flat} в доме {addr}, "
                    "в перерасчёте отказано",
        "generic": ["Неправильные начисления в квитанции", "Завышены начисления за ЖКУ", "Отказ в перерасчете"],
        "generic_op": ["не согласен с начислениями за жилищно-коммунальные услуги"],
    },
    {
        "key": "ambulance", "pos": ("Здравоохранение", "Скорая медицинская помощь"), "site": "Здравоохранение",
        "hot": ("Здравоохранение", "Скорая медицинская помощь"),
        "org": "Министерство здравоохранения Свердловской области",
        "citizen": [
            "Скорую к отцу ждали {hours} часа, ему {age_old} лет, давление 200. Диспетчер дважды говорила, что машина "
            "едет.",
            "Отцу {age_old} лет, давление 200, а скорая ехала {hours} часа. Два раза перезванивали, диспетчер "
            "отвечала, что бригада в пути.",
        ],
        "details": ["Хорошо, что соседка медсестра.", "Живём не в деревне, а в городе."],
        "operator": "скорая помощь к отцу {age_old} лет прибыла через {hours} часа после вызова",
        "generic": ["Долго едет скорая", "Скорая ехала 2 часа", "Скорую не дождаться"],
        "generic_op": ["жалуется на длительное ожидание скорой помощи"],
    },
    {
        "key": "water", "pos": ("ЖКХ", "Холодное водоснабжение"), "site": "Жилищно-коммунальная сфера",
        "hot": ("ЖКХ", "Водоснабжение"), "org": "Министерство энергетики и ЖКХ Свердловской области",
        "citizen": [
            "Из крана в доме {addr} идёт ржавая вода уже {days} дней. Водоканал говорит, что виноваты "
            "внутридомовые сети, {uk} — что городские.",
            "{days} дней в доме {addr} ржавая вода из-под крана. {uk} отправляет в водоканал, водоканал обратно в УК.",
        ],
        "details": ["Стирать невозможно, бельё жёлтое.", "Покупаем питьевую воду бутылками."],
        "operator": "в доме {addr} {days} дней из крана идёт ржавая вода, водоканал и {uk} перекладывают "
                    "ответственность",
        "generic": ["Ржавая вода из крана", "Грязная вода из-под крана", "Вода идёт ржавая"],
        "generic_op": ["жалуется на качество водопроводной воды"],
    },
    {
        "key": "card", "pos": ("Транспорт", "Льготный проезд"), "site": "Социальное обеспечение",
        "hot": ("Социальная защита", "Льготный проезд"), "org": "Министерство социальной политики Свердловской области",
        "citizen": [
            "Пенсионная транспортная карта перестала работать с {date}, в автобусе требуют полную оплату. В центре "
            "обслуживания сказали ждать, сроков не назвали.",
            "С {date} не проходит льготная транспортная карта пенсионера, кондуктор требует платить полностью, а в "
            "центре обслуживания только «ждите».",
        ],
        "details": ["Езжу в больницу три раза в неделю.", "Карту меняли в прошлом году."],
        "operator": "с {date} не действует льготная транспортная карта пенсионера, сроки восстановления не "
                    "названы",
        "generic": ["Не работает транспортная карта", "Не проходит льготная карта в автобусе"],
        "generic_op": ["интересуется, почему не действует льготная транспортная карта"],
    },
    {
        "key": "czn", "pos": ("Занятость", "Пособие по безработице"), "site": "Труд и занятость",
        "hot": ("Занятость", "Пособие по безработице"),
        "org": "Департамент по труду и занятости населения Свердловской области",
        "citizen": [
            "Стою на учёте в центре занятости с {month}, пособие начислили один раз, потом перестали, объяснений "
            "нет.",
            "С {month} я на учёте в ЦЗН. Пособие по безработице пришло один раз и больше не начисляется, никто "
            "ничего не объясняет.",
        ],
        "details": ["На вакансии, что предлагают, хожу.", "Инспектор на звонки не отвечает."],
        "operator": "с {month} состоит на учёте в центре занятости, выплата пособия прекращена без объяснения "
                    "причин",
        "generic": ["Не платят пособие по безработице", "Задерживают пособие по безработице"],
        "generic_op": ["интересуется сроками выплаты пособия по безработице"],
    },
    {
        "key": "gas", "pos": ("ЖКХ", "Газоснабжение"), "site": "Жилищно-коммунальная сфера",
        "hot": ("ЖКХ", "Газоснабжение"), "org": "Министерство энергетики и ЖКХ Свердловской области",
        "citizen": [
            "В доме {addr} {date} после проверки отключили газ, прошло {weeks} недели, газ не включают, готовить "
            "негде. Газовая служба отправляет в {uk}, УК обратно.",
            "{weeks} недели в доме {addr} нет газа: отключили {date} после проверки. {uk} кивает на газовую "
            "службу, та на УК.",
        ],
        "details": ["Купили электроплитку, выбивает пробки.", "В доме 80 квартир, многие пенсионеры."],
        "operator": "в доме {addr} с {date} отключено газоснабжение, газовая служба и {uk} не возобновляют подачу",
        "generic": ["Отключили газ", "Нет газа в доме", "Отключили газ и не включают"],
        "generic_op": ["жалуется на отключение газа"],
    },
    {
        "key": "light", "pos": ("Благоустройство", "Уличное освещение"), "site": "Благоустройство",
        "hot": ("Благоустройство", "Уличное освещение"), "org": "Администрация города Екатеринбурга",
        "citizen": [
            "На {street} от дома № {house} до остановки не горят фонари уже {weeks} недели, вечером идти страшно.",
            "Уже {weeks} недели на {street} на участке от дома № {house} до остановки нет освещения, вечером "
            "ходить страшно.",
        ],
        "details": ["Там ходят дети из школы.", "Рядом пустырь."],
        "operator": "на {street} у дома № {house} {weeks} недели не работает уличное освещение",
        "generic": ["Не горят фонари", "Нет уличного освещения", "Темно на улице, фонари не горят"],
        "generic_op": ["жалуется на отсутствие уличного освещения"],
    },
]
TOPIC_BY_KEY = {t["key"]: t for t in TOPICS}
GENERIC_TOPICS = ["lift", "kindergarten", "garbage", "hotwater", "doctor", "road", "bus", "mfc", "medicine", "dogs"]

GREETINGS = ["Здравствуйте!", "Добрый день.", "Здравствуйте.", "Добрый день!", "Уважаемые сотрудники!",
             "Уважаемый министр!"]
CLOSINGS = ["Прошу принять меры.", "Прошу разобраться.", "Прошу дать ответ в установленный срок.",
            "Сколько можно ждать?", "Помогите, пожалуйста.", "Прошу принять меры и дать письменный ответ."]
REWRITE_FRAMES = ["Уважаемый министр! Обращаюсь к Вам, так как других способов решить вопрос не осталось.",
                  "Обращаюсь с жалобой.", "Уважаемые сотрудники! Вынуждена обратиться к Вам."]
OPERATOR_FRAMES = {
    "m": ["Заявитель сообщает, что", "Звонивший сообщает, что", "Гражданин жалуется, что", "Заявитель жалуется, что"],
    "f": ["Заявительница сообщает, что", "Звонившая сообщает, что", "Гражданка жалуется, что",
          "Заявитель сообщает, что"],
}
OPERATOR_TAILS = ["Просит принять меры.", "Просит ускорить решение вопроса.", "Просит разобраться.", ""]
CHANNEL_WORDS = {
    "pos": ["в ПОС", "через Госуслуги (ПОС)", "на платформе обратной связи"],
    "site": ["на сайте министерства", "через интернет-приёмную", "на сайт ведомства"],
    "hotline": ["на горячую линию 122", "по телефону 122"],
}
SOURCES = ["pos", "site", "hotline"]
SOURCE_NAME = {"pos": "ПОС", "site": "сайт ведомства", "hotline": "122"}


def render(template, s):
    return template.format(**s)


def lower_first(text):
    return text[:1].lower() + text[1:] if text else text


RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"


def typo(rng, text, count):
    chars = list(text)
    for _ in range(count):
        positions = [i for i in range(1, len(chars) - 1) if chars[i].isalpha() and chars[i - 1].isalpha()]
        if not positions:
            break
        i = rng.choice(positions)
        op = rng.choice(["swap", "drop", "double", "replace"])
        if op == "swap" and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op == "drop":
            del chars[i]
        elif op == "double":
            chars.insert(i, chars[i])
        else:
            chars[i] = rng.choice(RU_LETTERS)
    return "".join(chars)


def citizen_text(rng, topic, s, variant, greeting, details, closing):
    parts = []
    if greeting:
        parts.append(greeting)
    parts.append(render(topic["citizen"][variant], s))
    parts.extend(render(d, s) for d in details)
    if closing:
        parts.append(closing)
    return " ".join(parts)


def operator_text(rng, topic, s, gender, frame=None, tail=None):
    frame = frame or rng.choice(OPERATOR_FRAMES[gender])
    tail = rng.choice(OPERATOR_TAILS) if tail is None else tail
    return (frame + " " + render(topic["operator"], s) + ". " + tail).strip()


class Record:
    def __init__(self, source, region, day, minute, text, topic, person, town):
        self.source = source
        self.region = region
        self.day = day
        self.minute = minute
        self.text = text  # may hold {REF} until ids are assigned
        self.topic = topic
        self.person = person
        self.town = town
        self.key = None
        self.role = None
        self.group = None
        self.mode = None  # original | same_text | rewrite | paraphrase | reference
        self.lineage = None  # (group, variant) for citizen texts copied from one wording
        self.refers_to = None  # Record this one cites by number
        self.ref_render = None  # function(key) -> text, for records that cite another's number

    @property
    def when(self):
        return dt.datetime.combine(QUARTER_START + dt.timedelta(days=self.day), dt.time()) + dt.timedelta(
            minutes=self.minute)


class Person:
    def __init__(self, rng, pid):
        self.pid = pid
        self.gender = rng.choice(["m", "f", "f"])
        if self.gender == "m":
            self.surname, self.first, self.patr = rng.choice(SURNAMES_M), rng.choice(FIRST_M), rng.choice(PATR_M)
        else:
            sur = rng.choice(SURNAMES_M)
            self.surname = sur[:-1] + "ва" if sur.endswith("ев") or sur.endswith("ов") else sur + "а"
            self.first, self.patr = rng.choice(FIRST_F), rng.choice(PATR_F)

    @property
    def full_name(self):
        return f"{self.surname} {self.first} {self.patr}"


def g(person, male, female):
    return male if person.gender == "m" else female


class Builder:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.records = []
        self.people = 0
        self.groups = []  # lists of Record
        self.negative_pairs = []  # (Record, Record, kind)

    def person(self):
        self.people += 1
        return Person(self.rng, self.people)

    def minute(self):
        return self.rng.randint(7 * 60, 21 * 60 + 50)

    def add(self, rec):
        self.records.append(rec)
        return rec

    def town(self, region):
        return self.rng.choice(REGIONS[region]["towns"])

    # --- true groups -------------------------------------------------------------------------------------------

    def gap(self):
        r = self.rng.random()
        if r < 0.3:
            return self.rng.randint(0, 2), False
        if r < 0.7:
            return self.rng.randint(3, 14), False
        if r < 0.94:
            return self.rng.randint(15, 30), False
        return self.rng.randint(31, 40), True

    def reference_text(self, rec, target, topic, s, person):
        """Text of a record that cites an earlier record's number, with a short restatement or none."""
        rng = self.rng
        chan = rng.choice(CHANNEL_WORDS[target.source])
        date = target.when.strftime("%d.%m.%Y")
        restate = rng.random()
        if rec.source == "hotline":
            frame = rng.choice(OPERATOR_FRAMES[person.gender])
            verb = g(person, "обращался", "обращалась")
            clause = render(topic["operator"], s)
            if restate < 0.25:
                return lambda key: (f"{frame} ранее {verb} {chan}, обращение № {key} от {date} осталось без "
                                    f"ответа. Просит ускорить рассмотрение.")
            return lambda key: (f"{frame} {clause}. Ранее {verb} {chan} (№ {key}), ответа нет. "
                                f"Просит ускорить рассмотрение.")
        # the first sentence of a wording, split before the slots are filled («ул.», «д.» hold full stops)
        short = render(topic["citizen"][rng.randrange(2)].split(". ")[0].rstrip("."), s) + "."
        opener = rng.choice(["Повторно!", "Повторное обращение.", "Пишу второй раз.", "ПОВТОРНО."])
        verb = g(person, "писал", "писала") if target.source != "hotline" else g(person, "звонил", "звонила")
        if restate < 0.25:
            return lambda key: f"{opener} Моё обращение {chan} № {key} от {date} осталось без ответа. Прошу ответить."
        if restate < 0.6:
            return lambda key: f"{opener} {short} Уже {verb} {chan}, № {key}, ответа нет."
        return lambda key: f"{short} {opener} Обращение {chan} № {key} без ответа. {rng.choice(CLOSINGS)}"

    def make_group(self, gid, channels):
        rng = self.rng
        topic = rng.choice(TOPICS)
        person = self.person()
        town = self.town("66")
        s = slots(rng, town[0])
        variant = rng.randrange(2)
        ndet = rng.choice([0, 1, 1, 2, 2, 2])
        details = rng.sample(topic["details"], min(ndet, len(topic["details"])))
        greeting = rng.choice(GREETINGS + REWRITE_FRAMES) if rng.random() < 0.55 else None
        closing = rng.choice(CLOSINGS) if rng.random() < 0.6 else None
        gaps = [self.gap() for _ in channels[1:]]
        span = sum(x for x, _ in gaps)
        start = rng.randint(0, max(0, QUARTER_DAYS - 2 - span))
        members = []
        day = start
        for idx, src in enumerate(channels):
            if idx > 0:
                day += gaps[idx - 1][0]
            rec = Record(src, "66", day, self.minute(), None, topic, person, town)
            rec.group, rec.role = gid, "group"
            if idx > 0 and rec.day == members[-1].day and rec.minute <= members[-1].minute:
                rec.minute = members[-1].minute + rng.randint(10, 90)
            if idx == 0:
                if src == "hotline":
                    rec.text, rec.mode = operator_text(rng, topic, s, person.gender), "paraphrase"
                else:
                    rec.text, rec.mode = citizen_text(rng, topic, s, variant, greeting, details, closing), "original"
                    rec.lineage = (gid, variant)
            else:
                earlier = members[:]
                r = rng.random()
                if src == "hotline":
                    if r < 0.2:
                        target = rng.choice(earlier)
                        rec.mode, rec.refers_to = "reference", target
                        rec.ref_render = self.reference_text(rec, target, topic, s, person)
                    else:
                        rec.text, rec.mode = operator_text(rng, topic, s, person.gender), "paraphrase"
                else:
                    citizens = [m for m in earlier if m.lineage is not None]
                    if citizens and r < 0.7:
                        base = rng.choice(citizens)
                        rec.text, rec.mode, rec.lineage = self.copy_edit(base.text, src), "same_text", base.lineage
                    elif r < 0.82:
                        v2 = 1 - variant if citizens else variant
                        frame = rng.choice(REWRITE_FRAMES) if rng.random() < 0.5 else rng.choice(GREETINGS)
                        dets = rng.sample(topic["details"], min(1, len(topic["details"])))
                        rec.text = citizen_text(rng, topic, s, v2, frame, dets, rng.choice(CLOSINGS))
                        rec.mode, rec.lineage = "rewrite", (gid, ("rw", idx))
                    else:
                        target = rng.choice(earlier)
                        rec.mode, rec.refers_to = "reference", target
                        rec.ref_render = self.reference_text(rec, target, topic, s, person)
            members.append(self.add(rec))
        self.groups.append(members)
        return members

    def copy_edit(self, text, dest):
        """A citizen's copy of their own text into another channel: small edits, or the site form's limit."""
        rng = self.rng
        edits = rng.sample(["typo", "greeting", "closing", "case", "yo"], rng.choice([1, 1, 2, 2, 3]))
        out = text
        for e in edits:
            if e == "typo":
                out = typo(rng, out, rng.randint(1, 3))
            elif e == "greeting":
                present = [gr for gr in GREETINGS + REWRITE_FRAMES if out.startswith(gr + " ")]
                if present:
                    out = out[len(present[0]) + 1:]
                else:
                    out = rng.choice(GREETINGS) + " " + out
            elif e == "closing":
                out = out + " " + rng.choice(CLOSINGS)
            elif e == "case":
                out = lower_first(out).rstrip(".!") if rng.random() < 0.5 else out.replace(". ", ".  ", 1)
            elif e == "yo":
                out = out.replace("ё", "е")
        out = out.strip()
        if dest == "site" and len(out) > SITE_FORM_LIMIT:
            out = out[:SITE_FORM_LIMIT]
        return out

    # --- hard negatives ------------------------------------------------------------------------------------------

    def generic_cluster(self, key, count):
        """Different citizens writing a common pain in nearly the same short words, in one month."""
        rng = self.rng
        topic = TOPIC_BY_KEY[key]
        start = rng.randint(0, QUARTER_DAYS - 31)
        recs = []
        for _ in range(count):
            person = self.person()
            src = rng.choice(SOURCES)
            town = self.town("66")
            if src == "hotline":
                frame = rng.choice(
                    ["Заявитель", g(person, "Звонивший", "Звонившая"), g(person, "Гражданин", "Гражданка")])
                text = f"{frame} {rng.choice(topic['generic_op'])}."
                if rng.random() < 0.4:
                    text += " " + rng.choice(["Дана консультация.", "Просит принять меры.", ""])
            else:
                text = rng.choice(topic["generic"])
                if rng.random() < 0.3:
                    text = rng.choice(GREETINGS) + " " + text
                if rng.random() < 0.3:
                    text += (" " if text[-1] in ".!?" else ". ") + rng.choice(CLOSINGS)
            day = start + rng.randint(0, 30)
            rec = self.add(Record(src, "66", day, self.minute(), text.strip(), topic, person, town))
            rec.role, rec.mode = "neg_generic", "generic"
            recs.append(rec)
        for i in range(len(recs)):
            for j in range(i + 1, len(recs)):
                if recs[i].source != recs[j].source:
                    self.negative_pairs.append((recs[i], recs[j], "generic_common_pain"))

    def template_other_details(self, group):
        """Another citizen, same wording as a group's complaint, their own address and numbers, near in time."""
        rng = self.rng
        orig = group[0]
        topic = orig.topic
        person = self.person()
        town = self.town("66")
        s = slots(rng, town[0])
        src = rng.choice(SOURCES)
        day = min(QUARTER_DAYS - 1, max(0, orig.day + rng.randint(-10, 20)))
        if src == "hotline":
            text = operator_text(rng, topic, s, person.gender)
        else:
            variant = orig.lineage[1] if orig.lineage and isinstance(orig.lineage[1], int) else rng.randrange(2)
            ndet = rng.choice([0, 1, 1])
            details = rng.sample(topic["details"], ndet)
            text = citizen_text(rng, topic, s, variant, rng.choice(GREETINGS) if rng.random() < 0.4 else None,
                                details, rng.choice(CLOSINGS) if rng.random() < 0.5 else None)
        rec = self.add(Record(src, "66", day, self.minute(), text, topic, person, town))
        rec.role, rec.mode = "neg_template_other_details", "template"
        for m in group:
            if m.source != src:
                self.negative_pairs.append((rec, m, "template_other_details"))

    def other_region(self, group):
        """The same text in region 74 (a template circulating online), near in time: never the same complaint."""
        rng = self.rng
        donors = [m for m in group if m.text is not None]
        if not donors:
            return
        donor = rng.choice(donors)
        src = donor.source if rng.random() < 0.4 else rng.choice(SOURCES)
        if donor.source == "hotline" and src != "hotline":
            src = "hotline"
        if donor.source != "hotline" and src == "hotline":
            src = donor.source
        person = self.person()
        town = self.town("74")
        text = donor.text if rng.random() < 0.6 else typo(rng, donor.text, 1)
        day = min(QUARTER_DAYS - 1, max(0, donor.day + rng.randint(-7, 10)))
        rec = self.add(Record(src, "74", day, self.minute(), text, donor.topic, person, town))
        rec.role, rec.mode = "neg_other_region", "copy_other_region"
        for m in group:
            self.negative_pairs.append((rec, m, "same_text_other_region"))

    def same_person(self, with_reference):
        """One citizen's two different complaints through two channels, with the same personal frame."""
        rng = self.rng
        person = self.person()
        town = self.town("66")
        s = slots(rng, town[0])
        t1, t2 = rng.sample(TOPICS, 2)
        c1, c2 = rng.sample(SOURCES, 2)
        status = rng.choice([g(person, "пенсионер", "пенсионерка"),
                             g(person, "отец многодетной семьи", "мать многодетной семьи"), "инвалид II группы",
                             "ветеран труда"])
        intro = f"Я, {status}, проживаю по адресу: {s['town']}, {s['addr_plain']}, кв. {s['flat']}."
        sign = f"С уважением, {person.surname} {person.first[0]}.{person.patr[0]}."
        greeting = rng.choice(GREETINGS)
        d1 = rng.randint(0, QUARTER_DAYS - 30)
        d2 = d1 + rng.randint(1, 25)
        recs = []
        for idx, (t, src, day) in enumerate([(t1, c1, d1), (t2, c2, d2)]):
            if src == "hotline":
                who = g(person, "Заявитель", "Заявительница")
                part = g(person, "проживающий", "проживающая")
                text = (f"{who}, {part} по адресу: {s['town']}, {s['addr_plain']}, сообщает, что "
                        f"{render(t['operator'], s)}.")
            else:
                text = f"{greeting} {intro} {render(t['citizen'][rng.randrange(2)], s)} {sign}"
            rec = Record(src, "66", day, self.minute(), text, t, person, town)
            rec.role, rec.mode = "neg_same_person", "same_person"
            recs.append(rec)
        if with_reference:
            first, second = recs
            verb = g(person, "обращался", "обращалась")
            chan = rng.choice(CHANNEL_WORDS[first.source])
            topic_short = first.topic["generic"][0].lower()
            body2 = second.text
            if second.source == "hotline":
                lead = f"Ранее {verb} {chan} (№ {{key}}) по другому вопросу ({topic_short}), вопрос решён."
                second.ref_render = lambda key, b=body2, l=lead: b + " " + l.format(key=key)
            else:
                lead = (f"Ранее {verb} {chan} (№ {{key}}) по другому вопросу — {topic_short}, его решили, спасибо. "
                        f"Сейчас другая проблема.")
                second.ref_render = lambda key, b=body2, l=lead, gr=greeting: b.replace(
                    gr + " ", gr + " " + l.format(key=key) + " ", 1)
            second.refers_to = first
            second.text = None
        for r in recs:
            self.add(r)
        kind = "same_person_reference_other" if with_reference else "same_person_other_complaint"
        self.negative_pairs.append((recs[0], recs[1], kind))

    # --- ids and texts -------------------------------------------------------------------------------------------

    def assign_keys(self):
        rng = self.rng
        by_source = defaultdict(list)
        for r in self.records:
            by_source[(r.source, r.region)].append(r)
        pos_next = 301350000 + rng.randint(0, 9999)
        for region in ["66", "74"]:
            recs = sorted(by_source[("pos", region)], key=lambda r: (r.when, id_order(self.records, r)))
            for r in recs:
                pos_next += rng.randint(1, 400)
                r.key = str(pos_next)
        for region, start in [("66", 4500), ("74", 2100)]:
            recs = sorted(by_source[("site", region)], key=lambda r: (r.when, id_order(self.records, r)))
            n = start
            for r in recs:
                n += rng.randint(1, 5)
                r.key = f"{REGIONS[region]['site_prefix']}-{n:05d}/26"
        for region in ["66", "74"]:
            recs = sorted(by_source[("hotline", region)], key=lambda r: (r.when, id_order(self.records, r)))
            per_day = Counter()
            for r in recs:
                d = r.when.strftime("%y%m%d")
                per_day[d] += rng.randint(1, 6)
                r.key = f"122-{region}-{d}-{per_day[d]:04d}"
        # references are written after the cited record exists; a record cites an earlier one
        for r in self.records:
            if r.ref_render is not None:
                assert r.refers_to.when <= r.when or r.role == "group", (r.role, r.refers_to.when, r.when)
                r.text = r.ref_render(r.refers_to.key)
                if r.source == "site" and len(r.text) > SITE_FORM_LIMIT:
                    r.text = r.text[:SITE_FORM_LIMIT]


def id_order(records, r):
    return records.index(r)


def build(seed):
    b = Builder(seed)
    rng = b.rng
    # 150 groups: 110 through two channels, 40 through all three
    plans = []
    pairs = [("pos", "site"), ("pos", "hotline"), ("site", "hotline")]
    for i in range(150):
        if i < 40:
            chans = ["pos", "site", "hotline"]
        else:
            chans = list(pairs[i % 3])
        rng.shuffle(chans)
        if chans[0] == "hotline" and rng.random() < 0.5:
            chans = chans[1:] + chans[:1]  # most citizens write first and call later
        plans.append(chans)
    rng.shuffle(plans)
    for gid, chans in enumerate(plans, start=1):
        b.make_group(f"g{gid:03d}", chans)
    # hard negatives
    for key in GENERIC_TOPICS:
        b.generic_cluster(key, 10)
    for group in rng.sample(b.groups, 90):
        b.template_other_details(group)
    for group in rng.sample(b.groups, 40):
        b.other_region(group)
    for i in range(20):
        b.same_person(with_reference=i < 8)
    b.assign_keys()
    return b


# --- writing the exports ----------------------------------------------------------------------------------------

POS_HEADER = ["Номер сообщения", "Дата создания", "Дата ответа", "Срок ответа", "Код региона",
              "Муниципальное образование", "ОКТМО", "Категория", "Подкатегория", "Текст сообщения", "Текст ответа",
              "Статус", "Ответственная организация", "Канал поступления", "59-ФЗ", "ФИО заявителя",
              "Телефон заявителя", "Электронная почта заявителя"]
SITE_HEADER = ["Рег. номер", "Дата регистрации", "Дата ответа", "Плановая дата ответа", "Регион",
               "Населённый пункт", "Тематика", "Код ТОТК", "Содержание обращения", "Состояние", "Ведомство",
               "Заявитель", "Адрес заявителя", "E-mail"]
HOT_HEADER = ["Номер звонка", "Дата звонка", "Субъект РФ", "Район", "Тема", "Подтема", "Краткое содержание",
              "Результат", "Передано в", "Номер телефона", "ФИО звонившего"]
POS_ANSWERS = ["Уважаемый заявитель! Ваше обращение направлено в ответственную организацию для рассмотрения "
               "по существу.",
               "Уважаемый заявитель! По Вашему обращению проведена проверка, выдано предписание об устранении "
               "нарушений.",
               "Добрый день. Информация принята к сведению, вопрос находится на контроле."]


def fmt(t):
    return t.strftime("%d.%m.%Y %H:%M")


def org_for(rec):
    org = rec.topic["org"]
    if rec.region == "74":
        org = org.replace("Свердловской области", "Челябинской области").replace(
            "города Екатеринбурга", "города Челябинска")
    return org


def pos_row(rng, r):
    created = r.when
    status = rng.choice(["Дан ответ", "Дан ответ", "В работе", "Закрыто", "Принято"])
    answered = created + dt.timedelta(days=rng.randint(1, 9), minutes=rng.randint(0, 600))
    answered_s = fmt(answered) if status in ("Дан ответ", "Закрыто") else ""
    answer = rng.choice(POS_ANSWERS) if answered_s else ""
    deadline = created + dt.timedelta(days=rng.choice([10, 30]))
    town, oktmo = r.town
    cat, sub = r.topic["pos"]
    return [r.key, fmt(created), answered_s, fmt(deadline), REGIONS[r.region]["okato"], town, oktmo, cat, sub,
            r.text, answer, status, org_for(r), rng.choice(["epgu_form", "widget", "vk", "app", "ok"]),
            rng.choice(["да", "нет"]), r.person.full_name, "", ""]


def site_row(rng, r):
    created = r.when
    status = rng.choice(["Рассмотрено", "Рассмотрено", "На рассмотрении", "Зарегистрировано"])
    answered = fmt(created + dt.timedelta(days=rng.randint(5, 28))) if status == "Рассмотрено" else ""
    town, _ = r.town
    return [r.key, fmt(created), answered, fmt(created + dt.timedelta(days=30)), r.region, town, r.topic["site"], "",
            r.text, status, org_for(r), r.person.full_name, "", ""]


def hot_row(rng, r):
    town, _ = r.town
    theme, sub = r.topic["hot"]
    result = rng.choice(["Передано в ведомство", "Передано в ведомство", "Консультация оказана",
                         "Зарегистрировано в ПОС"])
    return [r.key, fmt(r.when), REGIONS[r.region]["name"], town, theme, sub, r.text, result, org_for(r), "",
            r.person.full_name if rng.random() < 0.6 else ""]


def write_csv(path, header, rows, delimiter, quote_all, encoding):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
                   lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow(row)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def ref(r):
    """A record as the store identifies it: (source, natural key); the natural key is «id:» + the export's id."""
    return {"source": r.source, "natural_key": "id:" + r.key, "source_record_id": r.key}


def pair_kind(a, b):
    if a.refers_to is b or b.refers_to is a:
        return "reference", "direct"
    if a.mode == "reference" or b.mode == "reference":
        return "reference", "closure"
    if a.lineage is not None and a.lineage == b.lineage:
        return "same_text", "direct"
    return "paraphrase", "direct"


def write_all(b, out):
    rng = random.Random(DEFAULT_SEED + 1)  # row fields other than ids and texts
    ordered = sorted(b.records, key=lambda r: (r.source, r.when, r.key))
    by = defaultdict(list)
    for r in ordered:
        by[r.source].append(r)
    write_csv(os.path.join(out, "pos", "pos_66_2026q3.csv"), POS_HEADER, [pos_row(rng, r) for r in by["pos"]],
              ";", False, "cp1251")
    write_csv(os.path.join(out, "site", "site_66_2026q3.csv"), SITE_HEADER, [site_row(rng, r) for r in by["site"]],
              ",", True, "cp1251")
    write_csv(os.path.join(out, "hotline", "hotline122_66_2026q3.csv"), HOT_HEADER,
              [hot_row(rng, r) for r in by["hotline"]], ";", False, "cp1251")

    links = []
    for members in b.groups:
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, c = members[i], members[j]
                kind, via = pair_kind(a, c)
                gap = abs((c.when - a.when).total_seconds()) / 86400
                links.append({"a": ref(a), "b": ref(c), "kind": kind, "group": a.group, "via": via,
                              "gap_days": round(gap, 1)})
    with open(os.path.join(out, "links.jsonl"), "w", encoding="utf-8") as f:
        for line in links:
            f.write(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n")
    with open(os.path.join(out, "hard_negatives.jsonl"), "w", encoding="utf-8") as f:
        for a, c, kind in b.negative_pairs:
            gap = abs((c.when - a.when).total_seconds()) / 86400
            f.write(json.dumps({"a": ref(a), "b": ref(c), "kind": kind, "gap_days": round(gap, 1)},
                               ensure_ascii=False) + "\n")
    with open(os.path.join(out, "records.jsonl"), "w", encoding="utf-8") as f:
        for r in ordered:
            f.write(json.dumps({**ref(r), "region": r.region,
                                "received_at": r.when.strftime("%Y-%m-%dT%H:%M"), "role": r.role,
                                "group": r.group, "mode": r.mode, "topic": r.topic["key"],
                                "person": f"p{r.person.pid:04d}"}, ensure_ascii=False) + "\n")
    return links


def summary(b, links):
    lines = []
    roles = Counter((r.role, r.source) for r in b.records)
    role_names = [("group", "true groups (members)"), ("neg_generic", "neg: common pain, short generic text"),
                  ("neg_template_other_details", "neg: same wording, other citizen's details"),
                  ("neg_other_region", "neg: same text, region 74"),
                  ("neg_same_person", "neg: one citizen, two different complaints")]
    lines.append(f"{'records':<46}{'pos':>6}{'site':>6}{'122':>6}{'all':>6}")
    tot = Counter()
    for role, name in role_names:
        row = [roles[(role, s)] for s in SOURCES]
        for s, v in zip(SOURCES, row):
            tot[s] += v
        lines.append(f"{name:<46}{row[0]:>6}{row[1]:>6}{row[2]:>6}{sum(row):>6}")
    lines.append(f"{'total':<46}{tot['pos']:>6}{tot['site']:>6}{tot['hotline']:>6}{sum(tot.values()):>6}")
    sizes = Counter(len(m) for m in b.groups)
    lines.append("")
    lines.append(f"groups: {len(b.groups)} ({sizes[2]} through 2 channels, {sizes[3]} through 3)")
    kinds = Counter((l["kind"], l["via"]) for l in links)
    outside = sum(1 for l in links if l["gap_days"] > 30)
    lines.append(f"true pairs (closure): {len(links)}; " + ", ".join(
        f"{k}/{v} {n}" for (k, v), n in sorted(kinds.items())) + f"; more than 30 days apart: {outside}")
    modes = Counter(r.mode for r in b.records if r.role == "group")
    lines.append("group members by how written: " + ", ".join(f"{k} {v}" for k, v in sorted(modes.items())))
    trunc = sum(1 for r in b.records if r.role == "group" and r.source == "site" and len(r.text) == SITE_FORM_LIMIT)
    lines.append(f"site copies cut at the form's {SITE_FORM_LIMIT}-character limit: {trunc}")
    negk = Counter(k for _, _, k in b.negative_pairs)
    lines.append("hard-negative pairs listed: " + ", ".join(f"{k} {v}" for k, v in sorted(negk.items())))
    return "\n".join(lines)


# --- scoring ----------------------------------------------------------------------------------------------------

def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def node(x):
    """(source, natural key); a bare export id is accepted and given the store's «id:» prefix."""
    key = str(x.get("natural_key") or x["source_record_id"])
    return (x["source"], key if key.startswith("id:") else "id:" + key)


def closure_pairs(edges, universe):
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, c in edges:
        if a in universe and c in universe:
            parent[find(a)] = find(c)
    comps = defaultdict(list)
    for x in list(parent):
        comps[find(x)].append(x)
    pairs = set()
    for members in comps.values():
        members.sort()
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                pairs.add((members[i], members[j]))
    return pairs


def read_predictions(pred_path):
    edges = []
    for p in load_jsonl(pred_path):
        if "members" in p:
            ms = [node(m) for m in p["members"]]
            edges.extend((ms[0], m) for m in ms[1:])
        else:
            edges.append((node(p["a"]), node(p["b"])))
    return edges


def score(set_dir, edges, verbose=True):
    records = load_jsonl(os.path.join(set_dir, "records.jsonl"))
    universe = {node(r) for r in records}
    truth_lines = load_jsonl(os.path.join(set_dir, "links.jsonl"))
    truth = closure_pairs([(node(l["a"]), node(l["b"])) for l in truth_lines], universe)
    outside = sum(1 for a, c in edges if a not in universe or c not in universe)
    pred = closure_pairs(edges, universe)
    tp = len(pred & truth)
    precision = tp / len(pred) if pred else 1.0
    recall = tp / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if not verbose:
        return precision, recall
    print(f"predicted pairs {len(pred)} · true pairs {len(truth)} · correct {tp} · "
          f"predicted edges naming records outside the set {outside}")
    shown = f"{precision:.3f}" if pred else "n/a (no predicted pairs)"
    print(f"pairwise precision {shown} · recall {recall:.3f} · F1 {f1:.3f}")
    by_kind = defaultdict(lambda: [0, 0])
    for l in truth_lines:
        k = tuple(sorted([node(l["a"]), node(l["b"])]))
        label = l["kind"] + ("" if l["gap_days"] <= 30 else " (>30 days)")
        by_kind[label][1] += 1
        by_kind[label][0] += k in pred
    print("recall by kind:")
    for label in sorted(by_kind):
        found, total = by_kind[label]
        print(f"  {label:<26} {found:>4} / {total:<4} {found / total:.3f}")
    negs = load_jsonl(os.path.join(set_dir, "hard_negatives.jsonl"))
    neg_kind = defaultdict(lambda: [0, 0])
    for l in negs:
        k = tuple(sorted([node(l["a"]), node(l["b"])]))
        neg_kind[l["kind"]][1] += 1
        neg_kind[l["kind"]][0] += k in pred
    print("hard-negative pairs wrongly collapsed:")
    for kind in sorted(neg_kind):
        bad, total = neg_kind[kind]
        print(f"  {kind:<30} {bad:>4} / {total}")
    return precision, recall


# --- a naive reference point --------------------------------------------------------------------------------------

def set_texts(set_dir, store):
    """(source, natural key) -> (region, received_at as POSIX seconds, source_record_id, text)."""
    out = {}
    if store:
        import sqlite3
        con = sqlite3.connect(store)
        for src, key, sri, region, at, text in con.execute(
                "SELECT source, natural_key, source_record_id, region, received_at, text FROM feedback_record"):
            out[(src, key)] = (region, float(at), sri, text or "")
        return out
    for r in load_jsonl(os.path.join(set_dir, "records.jsonl")):
        at = dt.datetime.strptime(r["received_at"], "%Y-%m-%dT%H:%M").timestamp()
        out[node(r)] = (r["region"], at, r["source_record_id"], None)
    layouts = [("pos", "pos/pos_66_2026q3.csv", ";", "Номер сообщения", "Текст сообщения"),
               ("site", "site/site_66_2026q3.csv", ",", "Рег. номер", "Содержание обращения"),
               ("hotline", "hotline/hotline122_66_2026q3.csv", ";", "Номер звонка", "Краткое содержание")]
    for src, path, delim, key_col, text_col in layouts:
        with open(os.path.join(set_dir, path), encoding="cp1251", newline="") as f:
            for row in csv.DictReader(f, delimiter=delim):
                k = (src, "id:" + row[key_col])
                out[k] = out[k][:3] + (row[text_col],)
    return out


def trigrams(text):
    norm = "".join(ch if ch.isalnum() else " " for ch in text.lower().replace("ё", "е"))
    norm = " ".join(norm.split())
    return {norm[i:i + 3] for i in range(len(norm) - 2)}


def baseline(set_dir, store, window_days):
    """Scores a deliberately naive collapse: a cited id, or character-trigram Jaccard ≥ t, same region, in window."""
    recs = set_texts(set_dir, store)
    keys = sorted(recs)
    grams = {k: trigrams(recs[k][3]) for k in keys}
    cited = []
    sims = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ra, rb = recs[a], recs[b]
            if a[0] == b[0] or ra[0] != rb[0] or abs(ra[1] - rb[1]) > window_days * 86400:
                continue
            if ra[2] in rb[3] or rb[2] in ra[3]:
                cited.append((a, b))
            inter = len(grams[a] & grams[b])
            union = len(grams[a] | grams[b]) or 1
            sims.append((inter / union, a, b))
    text = "redacted text from the store" if store else "export text as written"
    print(f"naive collapse on {text}, same region, within {window_days:g} days, cross-channel pairs only")
    print(f"  cited id only:                precision {score(set_dir, cited, False)[0]:.3f} · "
          f"recall {score(set_dir, cited, False)[1]:.3f}")
    for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]:
        edges = cited + [(a, b) for s, a, b in sims if s >= t]
        p, r = score(set_dir, edges, False)
        print(f"  cited id or trigram J ≥ {t:.1f}:  precision {p:.3f} · recall {r:.3f}")


def main(argv):
    if argv and argv[0] == "score":
        p = argparse.ArgumentParser(prog="crosschannel_link_set.py score")
        p.add_argument("--set", required=True, help="directory written by the generator")
        p.add_argument("--pred", required=True, help="predicted links or collapsed groups, JSON lines")
        a = p.parse_args(argv[1:])
        score(a.set, read_predictions(a.pred))
        return 0
    if argv and argv[0] == "baseline":
        p = argparse.ArgumentParser(prog="crosschannel_link_set.py baseline")
        p.add_argument("--set", required=True, help="directory written by the generator")
        p.add_argument("--store", help="a SQLite store the set was ingested into (scores the redacted text)")
        p.add_argument("--window-days", type=float, default=30)
        a = p.parse_args(argv[1:])
        baseline(a.set, a.store, a.window_days)
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="output directory (pos/, site/, hotline/, links.jsonl, ...)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = p.parse_args(argv)
    b = build(a.seed)
    links = write_all(b, a.out)
    print(summary(b, links))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
