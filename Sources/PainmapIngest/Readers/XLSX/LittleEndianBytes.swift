/// Bounds-checked little-endian reads from a byte buffer, as ZIP structures are laid out.
///
/// Every read returns `nil` rather than trapping when it would leave the buffer, so a crafted offset or length in
/// an archive becomes a parse failure.
struct LittleEndianBytes {
    let buffer: UnsafeRawBufferPointer

    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    var count: Int { buffer.count }

    func uint16(at offset: Int) -> UInt16? { load(at: offset) }
    func uint32(at offset: Int) -> UInt32? { load(at: offset) }
    func uint64(at offset: Int) -> UInt64? { load(at: offset) }

    /// A copy of `count` bytes at `offset`.
    func slice(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= buffer.count, count <= buffer.count - offset else { return nil }
        return Array(buffer[offset..<(offset + count)])
    }

    private func load<T: FixedWidthInteger>(at offset: Int) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset <= buffer.count, size <= buffer.count - offset else { return nil }
        return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
