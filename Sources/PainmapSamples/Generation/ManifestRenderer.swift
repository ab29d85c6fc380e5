/// Renders the manifest as `SampleFeeds/MANIFEST.md`.
struct ManifestRenderer {
    var manifest: SampleManifest

    private static func regionName(_ kladr: String) -> String {
        SampleRegion.byKladr(kladr).map { "\($0.kladr) \($0.name)" } ?? kladr
    }

    private static func change(_ q2: Int, _ q3: Int) -> String {
        if q2 == 0 { return q3 == 0 ? "—" : "новая" }
        if q3 == 0 { return "−100%" }
        let percent = Int((Double(q3 - q2) / Double(q2) * 100).rounded())
        return (percent >= 0 ? "+" : "−") + "\(abs(percent))%"
    }

    func markdown() -> String {
        var out = """
            # SampleFeeds — синтетические выгрузки

            Сгенерировано `painmap samples` (модуль `PainmapSamples`), seed \(manifest.seed), scale \(manifest.scale).
            Все тексты, имена, телефоны и номера **вымышлены**. Один и тот же seed даёт побайтно те же файлы.
            Машиночитаемая копия этих сведений — `manifest.json`.

            ## Регионы и кварталы

            | КЛАДР | ОКАТО | регион | часовой пояс | муниципалитеты |
            | --- | --- | --- | --- | --- |

            """
        for region in SampleRegion.all {
            out +=
                "| \(region.kladr) | \(region.okato) | \(region.name) | UTC+\(region.utcOffsetHours) | "
                + region.municipalities.map(\.name).joined(separator: ", ") + " |\n"
        }
        out += """

            Кварталы: 2026Q2 (апрель–июнь) и 2026Q3 (июль–сентябрь); время — местное время региона.

            ## Файлы

            | файл | источник | формат | кодировка | регионы | квартал | записей |
            | --- | --- | --- | --- | --- | --- | --- |

            """
        for file in manifest.files where file.source != "hostile" {
            out +=
                "| `\(file.path)` | \(file.source) | \(file.format) | \(file.encoding.isEmpty ? "—" : file.encoding) | "
                + "\(file.regions.joined(separator: ", ")) | \(file.quarter) | \(file.records) |\n"
        }
        out +=
            "\nВсего записей (с дубликатами): \(manifest.totalRecords). Повреждённые файлы — в `hostile/` (см. `hostile/README.md`).\n"
        out += """

            ПОС 2026Q3 выгружен двумя способами: `pos_2026q3.json` (≈40% сообщений обоих регионов) и CSV по регионам (остальные);
            коды региона в ПОС — ОКАТО (50, 30), на сайтах и в опросах — КЛАДР (54, 41), в 122 — название субъекта.

            ## Заложенные изменения 2026Q2 → 2026Q3

            Число записей по боли во всех каналах (без заложенных дубликатов).

            | регион | изменение | боль | id | 2026Q2 | 2026Q3 | динамика |
            | --- | --- | --- | --- | --- | --- | --- |

            """
        for change in manifest.plantedChanges {
            out +=
                "| \(Self.regionName(change.region)) | **\(change.kind.title)** (\(change.kind.rawValue)) | \(change.title) | "
                + "`\(change.painID)` | \(change.q2Records) | \(change.q3Records) | \(Self.change(change.q2Records, change.q3Records)) |\n"
        }
        out += """

            Остальные боли стабильны: их ожидаемый объём в 2026Q3 отличается от 2026Q2 не более чем на 15%
            (небольшие счётчики колеблются сильнее из-за случайных комментариев МКГУ и анкет).

            ## Жизненные ситуации, услуги ФРГУ и боли

            Идентификаторы услуг ФРГУ (11 цифр) придуманы для выборки; их можно перенести в `Config/life-situations.yaml`.

            """
        for situation in SituationDefinition.all {
            out += "\n### \(situation.name) (`\(situation.id)`)\n\n"
            for service in manifest.services where service.situationID == situation.id {
                out += "- услуга ФРГУ `\(service.frguID)` (процедура `\(service.procedureID)`): \(service.name)\n"
            }
            var header = ["боль", "id", "этап"]
            for region in SampleRegion.all { header += ["\(region.kladr) Q2", "\(region.kladr) Q3"] }
            out += "\n| " + header.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: header.count) + "\n"
            for pain in situation.pains {
                let id = situation.painID(pain)
                var cells = [pain.title, "`\(id)`", "\(pain.stage.rawValue) \(pain.stage.title)"]
                for region in SampleRegion.all {
                    for quarter in SampleCorpus.quarters {
                        let count =
                            manifest.pains.first {
                                $0.painID == id && $0.region == region.kladr && $0.quarter == quarter.label
                            }?.records ?? 0
                        cells.append(String(count))
                    }
                }
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        let duplicates = manifest.duplicates
        out += """

            ## Заложенные дубликаты

            - Звонки 122, зарегистрированные в ПОС (канал `122` в ПОС, «Результат» = «Зарегистрировано в ПОС», номер ПОС в «Передано в»): \
            \(duplicates.hotlineToPOSVerbatim) с дословным текстом, \(duplicates.hotlineToPOSParaphrased) с лёгким пересказом.
            - Записи ПОС 2026Q2, повторённые в CSV 2026Q3 с тем же «Номером сообщения» и изменённым «Статусом» (поздняя выгрузка): \
            \(duplicates.q2RecordsReexportedInQ3.map { "\($0.name): \($0.count)" }.joined(separator: ", ")).
            - Сообщения ПОС 2026Q3, попавшие и в JSON, и в CSV: \(duplicates.q3JSONAndCSVOverlap).
            - Строки, повторённые дословно внутри одного файла: \
            \(duplicates.exactRowsInFile.map { "`\($0.name)` — \($0.count)" }.joined(separator: "; ")).

            ## Персональные данные (вымышленные)

            Вставлены в тексты сообщений (без повторов дубликатов); значения здесь не приводятся.

            | тип | вставлено |
            | --- | --- |

            """
        for count in manifest.personalData {
            out += "| \(count.kind.title) (`\(count.kind.rawValue)`) | \(count.planted) |\n"
        }
        out += """

            СНИЛС и ИНН имеют верные контрольные числа. Кроме того, в каждой строке столбцы, которые конфигурация отбрасывает, \
            содержат вымышленные ПДн: ПОС — «ФИО заявителя», «Телефон заявителя», «Электронная почта заявителя» \
            (JSON — `author.name`, `author.phone`); сайты — «Заявитель», «Адрес заявителя», «E-mail»; 122 — «Номер телефона», \
            «ФИО звонившего».

            """
        return out
    }
}
