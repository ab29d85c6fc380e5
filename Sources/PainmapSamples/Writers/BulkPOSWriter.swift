import Foundation
import PainmapCore

/// Streams a large ПОС CSV (pos-csv layout, UTF-8, `;`) for benchmarks.
///
/// Rows are generated one at a time and flushed in 1 MiB chunks, so memory stays constant
/// whatever the row count. Dates rise through the quarter, ids rise with them.
struct BulkPOSWriter {
    var seed: UInt64
    var regions: [SampleRegion]
    var quarter: SampleQuarter

    private static let chunkBytes = 1 << 20

    mutating func write(records: Int, to file: URL) throws {
        var rng = SplitMix64.derived(
            seed: seed,
            label: "bulk/\(quarter.label)/\(regions.map(\.kladr).joined(separator: ","))"
        )
        var pairs: [(SituationDefinition, PainDefinition)] = []
        for situation in SituationDefinition.all {
            for pain in situation.pains { pairs.append((situation, pain)) }
        }
        let weights = regions.map { region in
            pairs.map { pair in
                pair.0.weight * pair.1.weight
                    * PlantedTrends.multiplier(
                        painID: pair.0.painID(pair.1),
                        region: region.kladr,
                        quarter: quarter,
                        seed: seed
                    )
            }
        }
        let regionWeights = regions.map { $0.kladr == "54" ? 2.0 : 1.0 }
        var composer = TextComposer(typoRate: 0.035)
        composer.allowMultiline = true
        let csv = CSVSampleWriter(delimiter: ";")
        let first = LocalDateTime(year: quarter.year, month: quarter.months[0], day: 1)
        let last =
            quarter.months[2] == 12
            ? LocalDateTime(year: quarter.year + 1, month: 1, day: 1)
            : LocalDateTime(year: quarter.year, month: quarter.months[2] + 1, day: 1)
        let span = last.minutesSinceEpoch - first.minutesSinceEpoch
        let handle = try Self.open(file)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.chunkBytes + 64 * 1024)
        buffer += Array(csv.line(SampleTreeWriter.posHeader).utf8)
        var id = 400_000_000
        for index in 0..<records {
            let regionIndex = rng.weightedIndex(regionWeights)
            let region = regions[regionIndex]
            let offset = records > 0 ? Int(Double(index) / Double(records) * Double(span)) : 0
            let created = first.adding(minutes: offset)
            let municipality = region.municipalities[rng.weightedIndex(region.municipalities.map(\.weight))]
            var filler = SlotFiller(region: region, municipality: municipality, date: created)
            id += rng.int(in: 1...9)
            var text: String
            var category = ("Прочее", "Прочее")
            var organization = "Администрация муниципального образования «\(municipality.name)»"
            var answers: [String] = ["Благодарим за обращение. Информация принята к сведению."]
            if rng.chance(0.05) {
                text = composer.noiseMessage(hotline: false, filler: &filler, &rng)
            } else {
                let (situation, pain) = pairs[rng.weightedIndex(weights[regionIndex])]
                text =
                    composer.citizenMessage(
                        situation: situation,
                        pain: pain,
                        second: nil,
                        filler: &filler,
                        personalData: PersonalDataPlanting(probability: 0.17, region: region),
                        &rng
                    ).text
                category = (situation.posCategory, pain.subcategory)
                organization = rng.pick(region.organizations(for: situation.body))
                answers = situation.answers
            }
            let fz59 = rng.chance(0.2)
            let deadline = created.adding(days: fz59 ? 30 : 10)
            let answered = rng.chance(0.7) ? created.adding(minutes: rng.int(in: 1440...(fz59 ? 40 : 14) * 1440)) : nil
            let status: POSStatus =
                answered == nil
                ? rng.pick([.accepted, .moderation, .inProgress]) : rng.pick([.answered, .closed, .answerReady])
            let person = PersonalData.person(&rng)
            let fields = [
                String(id), created.russianDateTime, answered?.russianDateTime ?? "", deadline.russianDateTime,
                region.okato,
                municipality.name, municipality.oktmo, category.0, category.1, text,
                answered == nil ? "" : rng.pick(answers),
                status.csvLabel, organization, rng.pick(["epgu_form", "epgu_form", "widget", "vk", "app"]),
                fz59 ? "да" : "нет", person.fullName, PersonalData.phone(region, &rng),
                rng.chance(0.7) ? PersonalData.email(person, &rng) : "",
            ]
            buffer += Array(csv.line(fields).utf8)
            if buffer.count >= Self.chunkBytes {
                try Self.flush(&buffer, handle, file)
            }
        }
        try Self.flush(&buffer, handle, file)
    }

    /// Creates `file` (and its directory) and opens it for writing.
    static func open(_ file: URL) throws -> FileHandle {
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw LocatedFailure.samples(.io, message: "не удалось создать \(file.path)")
            }
            return try FileHandle(forWritingTo: file)
        } catch let error as LocatedFailure {
            throw error
        } catch {
            throw LocatedFailure.samples(.io, message: "не удалось открыть \(file.path): \(error.localizedDescription)")
        }
    }

    /// Writes and empties the buffer.
    static func flush(_ buffer: inout [UInt8], _ handle: FileHandle, _ file: URL) throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw LocatedFailure.samples(
                .io,
                message: "не удалось записать \(file.path): \(error.localizedDescription)"
            )
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
