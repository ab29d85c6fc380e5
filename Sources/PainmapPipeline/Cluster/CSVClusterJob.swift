import Foundation
public import Logging
public import PainmapClustering
public import PainmapCore
import PainmapIngest
import PainmapReports
public import PainmapText

/// Clusters the texts of any CSV file into pains and writes the assignments and a summary (`painmap cluster`).
///
/// The job streams the file once (strict decoding through ``PainmapIngest/DelimitedTextReader``), analyzes the
/// texts in parallel chunks merged in input order, keeps one token list per distinct text, runs
/// ``PainmapClustering/ClusterEngine`` and reads the file a second time for the few rows it quotes. Outputs are
/// written atomically. The same file and options give byte-identical outputs at any ``Options/threadCount``.
///
/// ```swift
/// var options = CSVClusterJob.Options(inputPath: "feedback.csv", outputPath: "assignments.csv")
/// options.summaryPath = "clusters.json"
/// let report = try await CSVClusterJob(options: options, logger: logger).run()
/// print(report.text(showHash: true), terminator: "")
/// ```
public struct CSVClusterJob: Sendable {
    /// What to read, what to write and how to cluster.
    public struct Options: Sendable, Equatable {
        /// The input CSV, as the user gave it.
        public var inputPath: String
        /// The assignments CSV to write (`id,cluster,label`).
        public var outputPath: String
        /// The summary JSON to write, if any.
        public var summaryPath: String?
        /// The header of the id column.
        public var idColumn = "id"
        /// The header of the text column.
        public var textColumn = "text"
        /// The header of a column with true labels, to score the clustering against (NMI, ARI).
        public var truthColumn: String?
        /// The field separator byte.
        public var delimiter = UInt8(ascii: ",")
        /// The declared encoding.
        public var encoding = DeclaredEncoding.utf8
        /// k-means cells before merging (an upper bound on the number of pains); `nil` for `clamp(2√N, 20, 200)`.
        public var k: Int?
        /// The seed of every random choice.
        public var seed: UInt64 = 42
        /// Analysis tasks and k-means threads; results do not depend on it.
        public var threadCount = ProcessInfo.processInfo.activeProcessorCount
        /// Rows per analysis task (default 4,096); results do not depend on it.
        public var analysisChunkSize = 4_096
        /// How a row of identical texts weighs in k-means (``ClusterConfiguration/duplicateWeighting``).
        var duplicateWeighting = ClusterConfiguration.DuplicateWeighting.records
        /// Synonyms, ignored words and spelling folding (``ClusterConfiguration/textFeatures``); default none.
        public var textFeatures = TextFeatures.plain
        /// What the analyzer removes before counting words: markup by default
        /// (``PainmapText/TextPreparation/standard``), as in the quarterly run.
        public var preparation = TextPreparation.standard
        /// Whether k-means cells merge on their means minus the batch mean
        /// (``PainmapClustering/ClusterConfiguration/mergesCenteredCells``).
        public var mergesCenteredCells = false
        /// What kind of texts the file holds (`--profile`): sets the defaults of the preparation, the space and the
        /// merge cut; ``TextProfile/auto`` decides by the texts.
        public var profile = TextProfile.auto
        /// Where the merge of k-means cells stops (``PainmapClustering/ClusterConfiguration/mergeCut``); `nil` for the
        /// profile's (stability for letters, fixed for messages).
        public var mergeCut: ClusterConfiguration.MergeCut?
        /// `τ` for ``PainmapClustering/ClusterConfiguration/MergeCut/fixed``; `nil` for the engine's default.
        public var mergeThreshold: Double?
        /// Latent dimensions of ``PainmapClustering/ClusterConfiguration/latentDimensions``; `0` for the term space,
        /// `nil` for the profile's (``ResolvedTextProfile/profileLatentDimensions``).
        public var latentDimensions: Int?
        /// Whether HTML markup is removed before counting words (`painmap cluster --keep-markup` turns it off).
        public var stripsMarkup: Bool {
            get { preparation.stripsMarkup }
            set { preparation.stripsMarkup = newValue }
        }
        /// Whether request formulae inside the text are skipped (`painmap cluster --drop-request-formulae`).
        public var dropsRequestFormulae: Bool {
            get { preparation.dropsRequestFormulae }
            set { preparation.dropsRequestFormulae = newValue }
        }
        /// Whether the names in addresses are blanked (`painmap cluster --drop-place-names`).
        public var dropsPlaceNames: Bool {
            get { preparation.dropsPlaceNames }
            set { preparation.dropsPlaceNames = newValue }
        }
        /// Whether a letter's frame is skipped (`painmap cluster --drop-letter-frames`).
        public var dropsLetterFrames: Bool {
            get { preparation.dropsLetterFrames }
            set { preparation.dropsLetterFrames = newValue }
        }

        /// Sets ``textFeatures`` as `painmap cluster --text-features` does: spelling folding (unless `foldsSpelling` is
        /// `false`) and the synonyms of `synonymsPath` (`nil`: `Config/synonyms.yaml` when that file exists; `none`: no
        /// synonyms); plain stems when `enabled` is `false`.
        ///
        /// - Throws: ``PainmapCore/LocatedFailure`` for a named file that is missing (66) or malformed (78).
        public mutating func setTextFeatures(enabled: Bool, synonymsPath: String? = nil, foldsSpelling: Bool = true)
            throws
        {
            guard enabled else {
                textFeatures = .plain
                return
            }
            textFeatures = TextFeatures(foldsSpellingVariants: foldsSpelling)
            let path = synonymsPath ?? "Config/" + SynonymsLoader.fileName
            guard path != "none" else { return }
            guard FileManager.default.fileExists(atPath: path) else {
                if synonymsPath == nil { return }
                throw LocatedFailure(
                    .missingInput,
                    at: SourceLocation(path: path),
                    message: "нет файла синонимов; укажите --synonyms ФАЙЛ или none",
                    status: .noInput
                )
            }
            textFeatures.synonyms = try SynonymsLoader().load(URL(fileURLWithPath: path))
        }
        /// Above this many distinct texts, cluster a sample of this many and place the rest
        /// (``ClusterConfiguration/sampleAbove``); `nil` clusters every row.
        public var sampleAbove: Int?

        /// The names ``setMergeCut(named:)`` accepts: `fixed`, `stability`.
        public static var mergeCutNames: [String] { ClusterConfiguration.MergeCut.allCases.map(\.rawValue) }

        /// Sets ``mergeCut`` from its name (`fixed`, `stability`); `false` for another name.
        public mutating func setMergeCut(named name: String) -> Bool {
            guard let cut = ClusterConfiguration.MergeCut(rawValue: name) else { return false }
            mergeCut = cut
            return true
        }

        /// Sets ``duplicateWeighting`` from its name (`records`, `sqrt`, `one`); `false` for another name.
        public mutating func setDuplicateWeighting(named name: String) -> Bool {
            guard let weighting = ClusterConfiguration.DuplicateWeighting(rawValue: name) else { return false }
            duplicateWeighting = weighting
            return true
        }

        /// Creates options with the defaults of `painmap cluster`.
        ///
        /// - Parameters:
        ///   - inputPath: The input CSV.
        ///   - outputPath: The assignments CSV to write.
        public init(inputPath: String, outputPath: String) {
            self.inputPath = inputPath
            self.outputPath = outputPath
        }
    }

    /// The options of this job.
    public let options: Options
    private let logger: Logger

    /// Creates the job.
    ///
    /// - Parameters:
    ///   - options: What to read and write.
    ///   - logger: Receives stage timings and counts at `info`, never row content.
    public init(options: Options, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Reads, clusters and writes.
    ///
    /// - Returns: Counts, the assignment hash, metrics and timings.
    /// - Throws: ``LocatedFailure`` (``failure(code:location:message:)``) for a missing input (66), missing columns, an empty file, bytes that do not fit the
    ///   encoding (with the line and an `--encoding` hint) or a file changed mid-run (65), an unwritable output
    ///   (74); ``LocatedFailure`` for a broken row — an unclosed quote, an over-long
    ///   field (65, with its line) — or a file that cannot be read (74).
    public func run() async throws -> CSVClusterReport {
        do {
            return try await runStages()
        } catch let error as LocatedFailure where error.code == .badEncoding {
            throw withEncodingHint(error)
        }
    }

    /// k-means restarts for an export: two, not the engine's three.
    ///
    /// On exports big enough for the restarts to
    /// compete on a sample, the third restart never won in the measured runs (BENCHMARKS.md, issue #4), while on the
    /// two cores this tool is sized for it costs a whole extra round of seeding and updates. The count is fixed, so
    /// results still do not depend on `--threads`.
    static let restarts = 2

    /// `preparation` with a letter's frame, request formulae and place names dropped too (the letters profile).
    static func letterPreparation(_ preparation: TextPreparation) -> TextPreparation {
        var letters = preparation
        letters.dropsLetterFrames = true
        letters.dropsRequestFormulae = true
        letters.dropsPlaceNames = true
        return letters
    }

    /// Bytes per analysis block: about 1/128 of the file, between 128 KiB and 1 MiB.
    ///
    /// Blocks never change the
    /// result; small ones keep both threads busy to the end of a small file, large ones keep the per-block
    /// overhead low on a big one.
    static func blockBytes(fileSize: Int) -> Int {
        min(1 << 20, max(128 << 10, fileSize / 128))
    }

    private func runStages() async throws -> CSVClusterReport {
        let clock = ContinuousClock()
        var stages: [CSVClusterReport.Stage] = []
        var stageStart = clock.now
        func endStage(_ name: String) {
            let now = clock.now
            let elapsed = now - stageStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            stages.append(.init(name: name, seconds: seconds))
            stageStart = now
        }

        try checkPaths()
        var reader = try openReader()
        let columns = try readHeader(&reader)
        let inputSize = (try? FileManager.default.attributesOfItem(atPath: options.inputPath)[.size] as? Int) ?? 0
        var firstOpen = true
        func read(preparation: TextPreparation) async throws -> ClusterInput {
            try await ClusterInput.read(
                open: {
                    // The reader that read the header first; a fresh one (header skipped) if the file is read again.
                    if firstOpen {
                        firstOpen = false
                        return reader
                    }
                    var again = try openReader()
                    _ = try again.next()
                    return again
                },
                columns: columns,
                threadCount: options.threadCount,
                chunkSize: options.analysisChunkSize,
                blockBytes: Self.blockBytes(fileSize: inputSize),
                preparation: preparation
            )
        }
        let letterPreparation = Self.letterPreparation(options.preparation)
        var input = try await read(preparation: options.profile == .letters ? letterPreparation : options.preparation)
        let profile = ResolvedTextProfile.resolve(options.profile, documents: input.documents)
        if profile.requested == .auto, profile.applied == .letters, letterPreparation != options.preparation {
            // Letters are analyzed again without their frames, formulae and place names.
            input = try await read(preparation: letterPreparation)
        }
        guard input.rowCount > 0 else {
            throw Self.failure(
                code: .emptyFile,
                location: SourceLocation(path: options.inputPath),
                message: "в файле только заголовок, строк с данными нет"
            )
        }
        let encoding = input.decoding?.encodingName ?? "utf-8"
        endStage("read+analyze")

        var configuration = ClusterConfiguration(k: options.k, seed: options.seed, threadCount: options.threadCount)
        configuration.restarts = Self.restarts
        configuration.duplicateWeighting = options.duplicateWeighting
        configuration.textFeatures = options.textFeatures
        configuration.mergesCenteredCells = options.mergesCenteredCells
        let letters = profile.applied == .letters
        configuration.mergeCut = options.mergeCut ?? (letters ? .stability : .fixed)
        if let mergeThreshold = options.mergeThreshold { configuration.mergeThreshold = mergeThreshold }
        configuration.latentDimensions = options.latentDimensions ?? profile.profileLatentDimensions
        if configuration.latentDimensions > 0 {
            configuration.refinementPasses = ResolvedTextProfile.latentRefinementPasses
        }
        configuration.sampleAbove = options.sampleAbove
        let result = cluster(input, configuration: configuration)
        var rowClusters = [Int32](repeating: -1, count: input.rowCount)
        for (row, document) in input.documentOfRow.enumerated() where document >= 0 {
            rowClusters[row] = Int32(result.assignments[Int(document)])
        }
        let hash = ClusteringResult.assignmentHash(of: rowClusters.map(Int.init))
        let metrics = options.truthColumn.map { column in
            ClusterSummary.Metrics(
                truthColumn: column,
                nmi: ClusteringMetrics.normalizedMutualInformation(input.truth, rowClusters),
                ari: ClusteringMetrics.adjustedRandIndex(input.truth, rowClusters),
                ami: ClusteringMetrics.adjustedMutualInformation(input.truth, rowClusters)
            )
        }
        endStage("cluster")

        let quoted = try input.texts(
            ofRows: Self.quotedRows(result, input: input),
            open: { position, decoding in
                try DelimitedTextReader(
                    url: inputURL,
                    displayPath: options.inputPath,
                    delimiter: options.delimiter,
                    resumingAt: position,
                    decoding: decoding
                )
            },
            columns: columns,
            path: options.inputPath
        )
        // Titles and quotes show what a reader of the message saw, not its markup.
        let stripper = MarkupStripper()
        let visible = options.stripsMarkup ? quoted.mapValues { ($0.id, stripper.strip($0.text)) } : quoted
        let clusters = summaryClusters(result, input: input, quoted: visible)
        endStage("quotes")

        let summary = ClusterSummary(
            input: URL(fileURLWithPath: options.inputPath).lastPathComponent,
            rows: input.rowCount,
            distinctTexts: input.documentCount,
            pains: result.pains.count,
            catchAllShare: clusters.first(where: \.isCatchAll).map { $0.share } ?? 0,
            noContent: rowClusters.reduce(0) { $0 + ($1 < 0 ? 1 : 0) },
            assignmentHash: hash,
            parameters: parameters(
                configuration,
                statistics: result.statistics,
                encoding: encoding,
                profile: profile
            ),
            metrics: metrics,
            clusters: clusters
        )
        // Both files are complete on disk before either replaces its destination.
        let assignments = try assignmentsFile(ids: input.ids, clusters: rowClusters, labels: clusters.map(\.label))
        var summaryFile: AtomicFileWriter.Output?
        do {
            summaryFile = try options.summaryPath.map { try self.summaryFile(summary, path: $0) }
            try commit(assignments, displayPath: options.outputPath)
            if let summaryFile, let path = options.summaryPath { try commit(summaryFile, displayPath: path) }
        } catch {
            assignments.discard()
            summaryFile?.discard()
            throw error
        }
        endStage("write")

        let stageTimes = stages.map { "\($0.name)=" + String(format: "%.3f", $0.seconds) }.joined(separator: " ")
        logger.info(
            "Clustering finished",
            metadata: [
                "cluster.input": "\(options.inputPath)",
                "rows.read": "\(input.rowCount)",
                "rows.distinct": "\(input.documentCount)",
                "rows.no_content": "\(summary.noContent)",
                "clusters.pains": "\(summary.pains)",
                "clusters.hash": "\(hash)",
                "stages.seconds": "\(stageTimes)",
            ]
        )
        let pains = result.clusters.filter { !$0.isCatchAll && $0.size > 0 }
        let painRecords = pains.reduce(0) { $0 + $1.size }
        let cohesion =
            painRecords > 0
            ? pains.reduce(0) { $0 + Double($1.size) * $1.meanSimilarity } / Double(painRecords) : nil
        return CSVClusterReport(
            summary: summary,
            stages: stages,
            cohesion: cohesion,
            mergeStability: result.statistics.mergeStability,
            profile: profile
        )
    }

    // MARK: - Input

    private var inputURL: URL { URL(fileURLWithPath: options.inputPath) }

    /// Fails before any work when the input is missing or an output directory does not exist.
    private func checkPaths() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inputURL.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw Self.failure(
                code: .missingInput,
                location: SourceLocation(path: options.inputPath),
                message: "нет такого файла; укажите CSV в --input"
            )
        }
        guard FileManager.default.isReadableFile(atPath: inputURL.path) else {
            throw Self.failure(
                code: .missingInput,
                location: SourceLocation(path: options.inputPath),
                message: "файл недоступен для чтения; проверьте права"
            )
        }
        for path in [options.outputPath] + (options.summaryPath.map { [$0] } ?? []) {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw Self.failure(
                    code: .unwritableOutput,
                    location: SourceLocation(path: path),
                    message: "каталога \(directory.path) нет; создайте его или укажите другой путь"
                )
            }
        }
    }

    private func openReader() throws -> DelimitedTextReader {
        let encoding = options.encoding
        return try DelimitedTextReader(
            url: inputURL,
            displayPath: options.inputPath,
            delimiter: options.delimiter,
            encoding: encoding
        )
    }

    /// Reads the header and finds the columns; a missing column names what was found and what is expected.
    private func readHeader(_ reader: inout DelimitedTextReader) throws -> ClusterInput.Columns {
        guard let header = try reader.next() else {
            throw Self.failure(
                code: .emptyFile,
                location: SourceLocation(path: options.inputPath, line: 1),
                message: "файл пуст: нет строки заголовка"
            )
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        func position(_ name: String) -> Int? { names.firstIndex(of: name) }
        var wanted = [
            (option: "--id-column", name: options.idColumn), (option: "--text-column", name: options.textColumn),
        ]
        if let truth = options.truthColumn { wanted.append((option: "--truth-column", name: truth)) }
        let missing = wanted.filter { position($0.name) == nil }
        guard missing.isEmpty, let id = position(options.idColumn), let text = position(options.textColumn) else {
            let found = names.map { "«\($0)»" }.joined(separator: ", ")
            let expected = wanted.map { "«\($0.name)»" }.joined(separator: ", ")
            let lacking = missing.map { "«\($0.name)» (\($0.option))" }.joined(separator: ", ")
            let delimiterHint =
                names.count == 1 ? "; в заголовке один столбец — проверьте --delimiter" : ""
            throw Self.failure(
                code: .missingColumns,
                location: SourceLocation(path: options.inputPath, line: header.line),
                message:
                    "нет столбца \(lacking); найдены: \(found); ожидались: \(expected)\(delimiterHint); "
                    + "укажите нужные столбцы в --id-column / --text-column"
            )
        }
        return ClusterInput.Columns(id: id, text: text, truth: options.truthColumn.flatMap(position))
    }

    /// A bad-encoding error with the hint a CLI user needs.
    private func withEncodingHint(_ error: LocatedFailure) -> LocatedFailure {
        let hint =
            options.encoding == .utf8
            ? "байты не в UTF-8; если файл в Windows-1251, добавьте --encoding cp1251"
            : "байты не в UTF-8 и не в Windows-1251 (или кодировка меняется внутри файла); пересохраните файл в UTF-8"
        return Self.failure(
            code: .unreadableData,
            location: error.location ?? SourceLocation(path: options.inputPath),
            message: hint
        )
    }

    // MARK: - Clustering

    private func cluster(_ input: ClusterInput, configuration: ClusterConfiguration) -> ClusteringResult {
        // The engine never needs a text, only a handle to one: ids and quote texts are the distinct
        // document's number, resolved to the row's id and exact text after the run. That keeps raw texts
        // out of memory.
        ClusterEngine(configuration: configuration).cluster(input.documents, quoteText: { String($0) })
    }

    /// The data rows whose texts the summary shows: each cluster's title and quotes.
    private static func quotedRows(_ result: ClusteringResult, input: ClusterInput) -> Set<Int> {
        var rows = Set<Int>()
        for cluster in result.clusters {
            for handle in cluster.representativeDocumentIDs + [cluster.title] {
                if let document = document(handle, input: input) { rows.insert(input.firstRow[document]) }
            }
        }
        return rows
    }

    /// The distinct document a handle names, if it names one.
    private static func document(_ handle: String, input: ClusterInput) -> Int? {
        guard let document = Int(handle), (0..<input.documentCount).contains(document) else { return nil }
        return document
    }

    private func summaryClusters(
        _ result: ClusteringResult,
        input: ClusterInput,
        quoted: [Int: (id: String, text: String)]
    ) -> [ClusterSummary.Cluster] {
        let rows = Double(max(input.rowCount, 1))
        return result.clusters.map { cluster in
            let label: String
            if cluster.isCatchAll {
                label = "Прочее"
            } else if let document = Self.document(cluster.title, input: input),
                let text = quoted[input.firstRow[document]]?.text
            {
                label = Self.label(text)
            } else {
                label = cluster.title
            }
            let quotes = cluster.representativeDocumentIDs.compactMap { handle -> ClusterSummary.Quote? in
                guard let document = Self.document(handle, input: input),
                    let row = quoted[input.firstRow[document]]
                else { return nil }
                return ClusterSummary.Quote(id: row.id, text: row.text)
            }
            return ClusterSummary.Cluster(
                cluster: cluster.index,
                isCatchAll: cluster.isCatchAll,
                label: label,
                size: cluster.size,
                share: Double(cluster.size) / rows,
                keywords: cluster.keywords.map(\.text),
                quotes: quotes
            )
        }
    }

    /// A label from a text: whitespace runs collapsed, cut near 120 characters at a word boundary.
    static func label(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > 120 else { return collapsed }
        let prefix = collapsed.prefix(120)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + "…"
    }

    private func parameters(
        _ configuration: ClusterConfiguration,
        statistics: ClusteringStatistics,
        encoding: String,
        profile: ResolvedTextProfile
    ) -> ClusterSummary.Parameters {
        ClusterSummary.Parameters(
            idColumn: options.idColumn,
            textColumn: options.textColumn,
            delimiter: String(UnicodeScalar(options.delimiter)),
            encoding: encoding,
            k: options.k.map(String.init) ?? "auto",
            cells: statistics.cellCount,
            minDocumentFrequency: statistics.minDocumentFrequency,
            maxDocumentFrequency: configuration.maxDocumentFrequency,
            mergeThreshold: statistics.mergeThreshold,
            catchAllThreshold: configuration.catchAllThreshold,
            latentDimensions: statistics.latentDimensions,
            mergeCut: configuration.mergeCut.rawValue,
            refinementPasses: configuration.refinementPasses,
            profile: profile.applied.rawValue,
            medianWords: profile.medianWords,
            minimumPainSize: statistics.minimumPainSize,
            restarts: configuration.restarts,
            seed: configuration.seed
        )
    }

    // MARK: - Output

    /// Writes `id,cluster,label` for every row (RFC 4180 quoting, UTF-8, `\n` line ends) to a temporary file.
    private func assignmentsFile(ids: [String], clusters: [Int32], labels: [String]) throws -> AtomicFileWriter.Output {
        let file = try begin(options.outputPath)
        do {
            // Each cluster's ",N,label\n" tail is built once; rows are batched into one buffer per 4,096.
            let tails = labels.indices.map { Array(",\($0),".utf8) + Self.csvField(labels[$0]) + [UInt8(ascii: "\n")] }
            let noContentTail = Array(",-1,\n".utf8)
            try file.write("id,cluster,label\n".utf8)
            var batch: [UInt8] = []
            batch.reserveCapacity(1 << 20)
            for (row, id) in ids.enumerated() {
                Self.appendCSVField(id, to: &batch)
                let cluster = Int(clusters[row])
                batch.append(contentsOf: cluster >= 0 ? tails[cluster] : noContentTail)
                if batch.count >= 1 << 20 {
                    try file.write(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try file.write(batch)
            return file
        } catch {
            throw Self.outputFailure(error, displayPath: options.outputPath)
        }
    }

    /// Writes the summary JSON (sorted keys, pretty-printed) to a temporary file.
    private func summaryFile(_ summary: ClusterSummary, path: String) throws -> AtomicFileWriter.Output {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(summary)
        } catch {
            throw Self.failure(
                code: .unwritableOutput,
                location: SourceLocation(path: path),
                message: "сводку не удалось сформировать (нечисловое значение)"
            )
        }
        let file = try begin(path)
        do {
            try file.write(data)
            try file.write(CollectionOfOne(UInt8(ascii: "\n")))
            return file
        } catch {
            throw Self.outputFailure(error, displayPath: path)
        }
    }

    /// Opens an output's temporary file beside it.
    private func begin(_ path: String) throws -> AtomicFileWriter.Output {
        do {
            return try AtomicFileWriter().begin(URL(fileURLWithPath: path))
        } catch {
            throw Self.outputFailure(error, displayPath: path)
        }
    }

    /// Renames a complete output into place.
    private func commit(_ file: AtomicFileWriter.Output, displayPath: String) throws {
        do {
            try file.commit()
        } catch {
            throw Self.outputFailure(error, displayPath: displayPath)
        }
    }

    /// The user's message for a failed output (`unwritableOutput`), naming the path as given.
    private static func outputFailure(_ error: AtomicFileWriter.Failure, displayPath: String) -> LocatedFailure {
        let message: String
        switch error.step {
        case .create:
            let directory = URL(fileURLWithPath: displayPath).deletingLastPathComponent().path
            message = "не удаётся создать файл в каталоге \(directory); проверьте, что он есть и доступен для записи"
        case .write: message = "запись не удалась (нет места на диске или нет прав)"
        case .rename: message = "не удаётся заменить файл; проверьте права на каталог"
        }
        return Self.failure(code: .unwritableOutput, location: SourceLocation(path: displayPath), message: message)
    }

    /// How assignments are quoted: RFC 4180, comma-separated.
    static let csvRule = CSVField.Rule(delimiter: UInt8(ascii: ","))

    /// Appends a CSV field's UTF-8 bytes to `bytes`, quoted when it holds a comma, a quote or a line break.
    static func appendCSVField(_ value: String, to bytes: inout [UInt8]) {
        CSVField.append(value, rule: csvRule, to: &bytes)
    }

    /// A CSV field's UTF-8 bytes, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ value: String) -> [UInt8] {
        CSVField.bytes(value, rule: csvRule)
    }
}
