import Foundation

/// The target chosen in `LLVMFuzzerInitialize` from `PAINMAP_FUZZ_TARGET`.
nonisolated(unsafe) private var selected: (any FuzzTarget)?

/// libFuzzer calls this once before the first input: pick the target named by `PAINMAP_FUZZ_TARGET`.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    let name = ProcessInfo.processInfo.environment["PAINMAP_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.make(name) else {
        let names = FuzzTargets.names.joined(separator: ", ")
        FileHandle.standardError.write(Data("PAINMAP_FUZZ_TARGET must be one of: \(names) (got '\(name)')\n".utf8))
        exit(64)
    }
    selected = target
    return 0
}

/// libFuzzer calls this once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    selected?.run(bytes)
    return 0
}
