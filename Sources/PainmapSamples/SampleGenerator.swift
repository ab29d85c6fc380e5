public import Foundation
import PainmapCore

/// Writes deterministic, realistic synthetic exports of the five feedback channels.
///
/// The tree covers two regions (Новосибирская область, Камчатский край), two quarters (2026Q2,
/// 2026Q3) and seven life situations, in the exact layouts of `Config/feeds.yaml`, plus a
/// `hostile/` folder of broken files. Texts are citizens' and operators' voices with typos and
/// planted fake personal data; volumes follow planted Q2 → Q3 changes that `MANIFEST.md` lists.
///
/// The same ``Options`` give byte-identical files: all randomness comes from ``SplitMix64``,
/// dates are computed, not read from the clock, and nothing is written in dictionary order.
///
/// ```swift
/// let manifest = try SampleGenerator().writeSampleFeeds(to: URL(filePath: "SampleFeeds"))
/// print(manifest.totalRecords)
/// ```
public struct SampleGenerator: Sendable {
    /// Generation options.
    public struct Options: Sendable {
        /// The seed; the same seed gives the same bytes.
        public var seed: UInt64 = 2026
        /// Multiplies all volumes (1.0 ≈ 4,000 records).
        public var scale: Double = 1.0

        /// Creates the default options (seed 2026, scale 1.0).
        public init() {}

        /// Creates options with a seed and a scale.
        ///
        /// - Parameters:
        ///   - seed: The seed.
        ///   - scale: The volume multiplier, greater than zero.
        public init(seed: UInt64, scale: Double = 1.0) {
            self.seed = seed
            self.scale = scale
        }
    }

    /// The options in use.
    public let options: Options

    /// Creates a generator.
    ///
    /// - Parameter options: Seed and scale; the defaults when omitted.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Writes the full SampleFeeds tree (all five sources, 2 regions, 2 quarters, `hostile/`,
    /// `MANIFEST.md`, `manifest.json`) into `directory`.
    ///
    /// Files of the same names are overwritten; other files in `directory` are left alone.
    /// - Parameter directory: The SampleFeeds directory; created if missing.
    /// - Returns: The manifest: record counts per file and the planted facts.
    /// - Throws: ``LocatedFailure`` when the options are invalid or a file cannot be written.
    @discardableResult
    public func writeSampleFeeds(to directory: URL) throws -> SampleManifest {
        try validate()
        var corpus = SampleCorpus(seed: options.seed, scale: options.scale)
        corpus.build()
        var tree = SampleTreeWriter(corpus: corpus)
        try tree.writeAll()
        var files = tree.files
        var entries = tree.entries
        for hostile in HostileFiles.all(seed: options.seed) {
            files.append(("hostile/\(hostile.name)", hostile.bytes))
            entries.append(
                SampleManifest.File(
                    path: "hostile/\(hostile.name)",
                    source: "hostile",
                    format: hostile.format,
                    encoding: hostile.encoding,
                    regions: [],
                    quarter: "",
                    records: hostile.records,
                    situations: []
                )
            )
        }
        files.append(("hostile/README.md", Array(HostileFiles.readme.utf8)))
        let manifest = ManifestBuilder(corpus: tree.corpus, entries: entries, exactDuplicates: tree.exactDuplicates)
            .build()
        files.append(("MANIFEST.md", Array(ManifestRenderer(manifest: manifest).markdown().utf8)))
        files.append(("manifest.json", try manifestJSON(manifest)))
        for (path, bytes) in files {
            try write(bytes, to: directory.appendingPathComponent(path))
        }
        return manifest
    }

    /// Writes one large ПОС CSV (pos-csv layout, UTF-8, `;`) for benchmarks, streaming in constant memory.
    ///
    /// Records are generated and flushed in chunks; ids, dates and texts follow the same corpus
    /// and planted trends as the sample tree.
    /// - Parameters:
    ///   - records: Number of data rows.
    ///   - regions: КЛАДР codes: `54` and `41`, and any code `relabel` gives an ОКАТО prefix for.
    ///   - quarter: A quarter such as `2026Q2`.
    ///   - relabel: ОКАТО prefixes of further regions by КЛАДР code (from Config/regions.yaml). Such a region's
    ///     records are the sample regions' records (54 for the 1st, 3rd… such code in `regions`, 41 for the 2nd,
    ///     4th…) written under its own code, so a run sees many regions; the output is as deterministic as before.
    ///   - file: The output file; replaced if it exists.
    /// - Throws: ``LocatedFailure`` for an unsupported region, a malformed quarter or a write failure.
    public func writeBulkPOS(
        records: Int,
        regions: [String],
        quarter: String,
        relabel: [String: String] = [:],
        to file: URL
    ) throws {
        try validate()
        guard records >= 0 else {
            throw LocatedFailure.samples(.usage, message: "число записей должно быть неотрицательным")
        }
        guard let parsedQuarter = SampleQuarter(parsing: quarter) else {
            throw LocatedFailure.samples(.usage, message: "квартал «\(quarter)» не разобран; ожидается вид 2026Q2")
        }
        var resolved: [SampleRegion] = []
        var relabelled = 0
        for code in regions {
            if let region = SampleRegion.byKladr(code) {
                resolved.append(region)
            } else if let okato = relabel[code] {
                var region = relabelled % 2 == 0 ? SampleRegion.novosibirsk : SampleRegion.kamchatka
                relabelled += 1
                region.kladr = code
                region.okato = okato
                resolved.append(region)
            } else {
                throw LocatedFailure.samples(
                    .usage,
                    message:
                        "регион «\(code)» не поддерживается генератором; доступны коды КЛАДР 54 и 41 и коды из Config/regions.yaml с ОКАТО"
                )
            }
        }
        guard !resolved.isEmpty else {
            throw LocatedFailure.samples(.usage, message: "не указан ни один регион")
        }
        var bulk = BulkPOSWriter(seed: options.seed, regions: resolved, quarter: parsedQuarter)
        try bulk.write(records: records, to: file)
    }

    /// Writes a labelled evaluation CSV (`id,source,region,created_at,text,label`) whose texts look like real
    /// citizens' messages: short portal reports or long letters (issue 16).
    ///
    /// - Parameters:
    ///   - records: Rows to write.
    ///   - style: ``RealisticTextStyle/portal`` or ``RealisticTextStyle/letters``.
    ///   - file: The CSV to write.
    /// - Throws: ``LocatedFailure`` when the file cannot be written.
    public func writeRealistic(records: Int, style: RealisticTextStyle, to file: URL) throws {
        var writer = RealisticTextWriter(seed: options.seed, style: style)
        try writer.write(records: max(0, records), to: file)
    }

    private func validate() throws {
        guard options.scale > 0, options.scale.isFinite, options.scale <= 1_000 else {
            throw LocatedFailure.samples(.usage, message: "масштаб \(options.scale) вне диапазона (0; 1000]")
        }
    }

    private func manifestJSON(_ manifest: SampleManifest) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(manifest)) + [0x0A]
        } catch {
            throw LocatedFailure.samples(.sampleGeneration, message: "не удалось записать manifest.json: \(error)")
        }
    }

    private func write(_ bytes: [UInt8], to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw LocatedFailure.samples(.io, message: "не удалось записать \(url.path): \(error.localizedDescription)")
        }
    }
}
