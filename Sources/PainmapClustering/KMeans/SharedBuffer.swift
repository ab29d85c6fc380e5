/// A manually allocated buffer that parallel workers may read and write.
///
/// `@unchecked Sendable` is sound for how the engine uses it: inside one
/// `DispatchQueue.concurrentPerform` call every worker writes only indices no other worker touches
/// (its own rows, chunk slot or restart), reads happen after the call returns (which joins all
/// workers), and the owner deallocates the buffer only after the last parallel call.
struct SharedBuffer<Element>: @unchecked Sendable {
    /// First element.
    let base: UnsafeMutablePointer<Element>
    /// Number of elements.
    let count: Int

    /// Allocates `count` elements set to `value`.
    init(repeating value: Element, count: Int) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// Allocates a copy of `array`.
    init(copying array: [Element]) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        count = array.count
        array.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { base.initialize(from: address, count: source.count) }
        }
    }

    /// Reads or writes one element.
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// Copies the contents into an array.
    func toArray() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Releases the memory; the buffer must not be used afterwards.
    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
