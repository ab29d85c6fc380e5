import CLibZ
import Foundation
import PainmapCore

extension ZIPEntry {
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let localHeaderSize = 30

    /// Decompresses the entry from the archive it belongs to, with zlib, within fixed bounds.
    ///
    /// The data starts after the entry's local header (30 bytes, the name and the extra field, whose lengths the
    /// local header gives). Inflation reads at most ``compressedSize`` bytes of input and writes at most `maxBytes`
    /// bytes of output, and every call to zlib must make progress, so a deflate stream that never reaches its end
    /// block fails as soon as its input runs out instead of waiting for more (the hang of FUZZING.md). The output
    /// must then have exactly the declared size and CRC-32.
    ///
    /// - Parameters:
    ///   - archive: The whole archive the central directory was read from.
    ///   - maxBytes: The most bytes the entry may decompress to; the declared size must already be within it.
    ///   - part: The part name to report in errors.
    /// - Returns: The decompressed bytes.
    /// - Throws: ``LocatedFailure/xlsxZipBomb(part:)`` when the data decompresses past `maxBytes`,
    ///   ``LocatedFailure/xlsxUnsupportedCompression(part:method:)`` for a method other than stored or deflated,
    ///   ``LocatedFailure/xlsxEncryptedPart(_:)`` for an encrypted entry, and ``LocatedFailure/xlsxCorruptPart(_:)`` when
    ///   the local header is missing, the data runs past the archive, the deflate stream is invalid or ends early,
    ///   or the size or CRC-32 differs from the declared one.
    func contents(in archive: UnsafeRawBufferPointer, maxBytes: Int, part: String) throws(LocatedFailure) -> Data {
        guard !isEncrypted else { throw .xlsxEncryptedPart(part) }
        guard method == Self.stored || method == Self.deflated else {
            throw .xlsxUnsupportedCompression(part: part, method: Int(method))
        }
        let bytes = LittleEndianBytes(archive)
        guard let header = Int(exactly: localHeaderOffset),
            bytes.uint32(at: header) == Self.localHeaderSignature,
            let nameLength = bytes.uint16(at: header + 26),
            let extraLength = bytes.uint16(at: header + 28),
            let inputCount = Int(exactly: compressedSize),
            let declared = Int(exactly: uncompressedSize), declared <= maxBytes
        else { throw .xlsxCorruptPart(part) }
        let start = header + Self.localHeaderSize + Int(nameLength) + Int(extraLength)
        guard start <= archive.count, inputCount <= archive.count - start, let base = archive.baseAddress else {
            throw .xlsxCorruptPart(part)
        }
        let input = UnsafeRawBufferPointer(start: base + start, count: inputCount)

        let data: Data
        if method == Self.stored {
            guard inputCount == declared else { throw .xlsxCorruptPart(part) }
            data = Data(input)
        } else {
            var output = Data(count: declared)
            let outcome = output.withUnsafeMutableBytes { Self.inflate(input, into: $0, maxBytes: maxBytes) }
            switch outcome {
            case .complete: data = output
            case .tooLarge: throw .xlsxZipBomb(part: part)
            case .corrupt: throw .xlsxCorruptPart(part)
            }
        }
        let checksum = data.withUnsafeBytes { crc32_z(0, $0.bindMemory(to: Bytef.self).baseAddress, $0.count) }
        guard UInt32(truncatingIfNeeded: checksum) == crc32 else { throw .xlsxCorruptPart(part) }
        return data
    }

    private enum InflateOutcome {
        /// The stream ended and filled `output` exactly.
        case complete
        /// The stream produced more than `maxBytes`.
        case tooLarge
        /// The stream is invalid, ends before its end block, or does not produce exactly `output.count` bytes.
        case corrupt
    }

    /// Inflates the raw deflate stream in `input` into `output`, whose size is the size the entry declares.
    ///
    /// Output past the declared size goes to a scratch buffer and is only counted, so that a part lying about its
    /// size is told apart: past `maxBytes` it is a zip bomb, below it corruption. Each loop either consumes input
    /// or produces at most `maxBytes` output, and a call that does neither ends it, so the loop always terminates.
    private static func inflate(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        maxBytes: Int
    ) -> InflateOutcome {
        var stream = z_stream()
        guard painmap_inflate_init_raw(&stream) == Z_OK else { return .corrupt }
        defer { inflateEnd(&stream) }
        let chunk = Int(UInt32.max)
        var consumed = 0
        var produced = 0
        var overflow = 0
        return withUnsafeTemporaryAllocation(byteCount: 32 << 10, alignment: 1) { scratch in
            while true {
                if stream.avail_in == 0, consumed < input.count, let base = input.baseAddress {
                    // zlib never writes through next_in; its type is only mutable because zlib.h omits `const`.
                    let next = (base + consumed).assumingMemoryBound(to: Bytef.self)
                    stream.next_in = UnsafeMutablePointer(mutating: next)
                    stream.avail_in = uInt(min(chunk, input.count - consumed))
                    consumed += Int(stream.avail_in)
                }
                let target = produced < output.count ? output : scratch
                let offset = produced < output.count ? produced : 0
                guard let targetBase = target.baseAddress else { return .corrupt }
                stream.next_out = (targetBase + offset).assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(min(chunk, target.count - offset))
                let availableIn = stream.avail_in
                let availableOut = stream.avail_out

                let status = CLibZ.inflate(&stream, Z_NO_FLUSH)

                let written = Int(availableOut - stream.avail_out)
                if produced < output.count { produced += written } else { overflow += written }
                if produced + overflow > maxBytes { return .tooLarge }
                switch status {
                case Z_STREAM_END:
                    return overflow == 0 && produced == output.count ? .complete : .corrupt
                case Z_OK where written > 0 || stream.avail_in < availableIn:
                    continue
                default:
                    // Z_BUF_ERROR: no progress was possible, so the input ended before the end block; Z_DATA_ERROR,
                    // Z_NEED_DICT, Z_MEM_ERROR: the stream is invalid or cannot be inflated.
                    return .corrupt
                }
            }
        }
    }
}
