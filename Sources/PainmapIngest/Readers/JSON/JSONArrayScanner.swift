import Foundation

/// Splits a JSON export into its records without loading the file: a top-level array, or the array
/// under `content` of a top-level object (Spring-page style, as ПОС-like APIs return).
///
/// Each element's bytes are handed out one at a time, so memory is bounded by the largest element.
/// While scanning it also checks what `JSONSerialization` hides: nesting depth (it rejects > 512 only)
/// and repeated keys in one object (silently last-wins).
struct JSONArrayScanner {
    /// One element of the array.
    enum Element {
        /// The element's bytes.
        case bytes([UInt8], index: Int)
        /// An element that exceeded a limit; its bytes were skipped.
        case rejected(Problem, index: Int, raw: [UInt8])
    }

    /// Why an element or the file cannot be read.
    enum Problem: Error, Equatable {
        case tooDeep
        case duplicateKey
        case tooLarge
        case malformed
        case noArray
    }

    static let maxDepth = 64
    static let maxElementBytes = 4 << 20

    private let handle: FileHandle
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var index = 0
    private var finished = false

    /// Opens a file and positions the scanner at the first element.
    /// - Throws: ``Problem/noArray`` when the file holds no record array, ``Problem/malformed`` on bad syntax.
    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        try seekArray()
    }

    private mutating func byte() throws -> UInt8? {
        if position >= chunk.count {
            if atEOF { return nil }
            let data = try handle.read(upToCount: 1 << 20) ?? Data()
            if data.isEmpty {
                atEOF = true
                try? handle.close()
                return nil
            }
            chunk = [UInt8](data)
            position = 0
        }
        defer { position += 1 }
        return chunk[position]
    }

    private mutating func nonSpace() throws -> UInt8? {
        while let b = try byte() {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { continue }
            if b == 0xEF || b == 0xBB || b == 0xBF { continue }  // a UTF-8 BOM before the value
            return b
        }
        return nil
    }

    /// Reads a string body after its opening quote.
    private mutating func stringBody(into out: inout [UInt8]?) throws {
        while let b = try byte() {
            if b == UInt8(ascii: "\\") {
                out?.append(b)
                guard let escaped = try byte() else { throw Problem.malformed }
                out?.append(escaped)
            } else if b == UInt8(ascii: "\"") {
                return
            } else {
                out?.append(b)
            }
        }
        throw Problem.malformed
    }

    private mutating func seekArray() throws {
        guard let first = try nonSpace() else { throw Problem.noArray }
        if first == UInt8(ascii: "[") { return }
        // A JSON scalar at the top level holds no records; any other first byte is not JSON at all.
        let scalarStart = Array("\"-0123456789tfn".utf8)
        guard first == UInt8(ascii: "{") else {
            throw scalarStart.contains(first) ? Problem.noArray : Problem.malformed
        }
        // Walk the top-level object's keys until `content`.
        while true {
            guard let b = try nonSpace() else { throw Problem.noArray }
            if b == UInt8(ascii: "}") { throw Problem.noArray }
            if b == UInt8(ascii: ",") { continue }
            guard b == UInt8(ascii: "\"") else { throw Problem.malformed }
            var key: [UInt8]? = []
            try stringBody(into: &key)
            guard try nonSpace() == UInt8(ascii: ":") else { throw Problem.malformed }
            if key == Array("content".utf8) {
                guard try nonSpace() == UInt8(ascii: "[") else { throw Problem.noArray }
                return
            }
            try skipValue()
        }
    }

    /// Skips one value at the top level of the wrapper object.
    private mutating func skipValue() throws {
        var depth = 0
        var none: [UInt8]? = nil
        while let b = try nonSpace() {
            switch b {
            case UInt8(ascii: "\""):
                try stringBody(into: &none)
                if depth == 0 { return }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
                if depth < 0 { throw Problem.malformed }
            default:
                if depth == 0 {
                    // A scalar: read to the next separator.
                    while position < chunk.count || !atEOF {
                        guard let next = try byte() else { return }
                        if next == UInt8(ascii: ",") || next == UInt8(ascii: "}") {
                            position -= 1
                            return
                        }
                    }
                    return
                }
            }
        }
        throw Problem.malformed
    }

    /// The next element, or `nil` after the closing bracket.
    /// - Throws: ``Problem/malformed`` when the array breaks off (truncated file).
    mutating func next() throws -> Element? {
        if finished { return nil }
        guard var b = try nonSpace() else { throw Problem.malformed }
        if b == UInt8(ascii: ",") {
            guard let after = try nonSpace() else { throw Problem.malformed }
            b = after
        }
        if b == UInt8(ascii: "]") {
            finished = true
            return nil
        }
        index += 1
        var bytes: [UInt8] = [b]
        if b != UInt8(ascii: "{"), b != UInt8(ascii: "[") {
            // A scalar element: not a record; read to the separator so the next element starts cleanly.
            if b == UInt8(ascii: "\"") {
                // Keep the string (capped) so the element still parses as a fragment and is reported as not an object.
                var text: [UInt8]? = []
                try stringBody(into: &text)
                bytes += (text ?? []).prefix(1024) + [UInt8(ascii: "\"")]
            }
            while let next = try byte() {
                if next == UInt8(ascii: ",") || next == UInt8(ascii: "]") {
                    position -= 1
                    break
                }
                if bytes.count < 1024 { bytes.append(next) }
            }
            return .bytes(bytes, index: index)
        }
        var problem: Problem?
        // Keys seen per open object, to find repeats.
        var keyStack: [Set<[UInt8]>] = []
        var depth = 0
        var lastString: [UInt8]? = nil
        func open(_ b: UInt8) {
            depth += 1
            if depth > JSONArrayScanner.maxDepth, problem == nil { problem = .tooDeep }
            if problem == nil { keyStack.append(b == UInt8(ascii: "{") ? [] : [[0xFF]]) }
        }
        var current = b
        while true {
            switch current {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open(current)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if problem == nil, !keyStack.isEmpty { keyStack.removeLast() }
            case UInt8(ascii: "\""):
                var text: [UInt8]? = []
                try stringBody(into: &text)
                if let text {
                    if bytes.count + text.count + 1 <= JSONArrayScanner.maxElementBytes {
                        bytes.append(contentsOf: text)
                        bytes.append(UInt8(ascii: "\""))
                    } else if problem == nil {
                        problem = .tooLarge
                    }
                    lastString = text
                }
            case UInt8(ascii: ":"):
                if problem == nil, let key = lastString, var keys = keyStack.last, !keys.contains([0xFF]) {
                    if keys.contains(key) {
                        problem = .duplicateKey
                    } else {
                        keys.insert(key)
                        keyStack[keyStack.count - 1] = keys
                    }
                }
            default:
                break
            }
            if current != UInt8(ascii: "\"") { lastString = current == UInt8(ascii: ":") ? nil : lastString }
            if depth <= 0 { break }
            guard let next = try byte() else { throw Problem.malformed }
            current = next
            if current != UInt8(ascii: "\"") {
                if bytes.count < JSONArrayScanner.maxElementBytes {
                    bytes.append(current)
                } else if problem == nil {
                    problem = .tooLarge
                }
            } else if bytes.count < JSONArrayScanner.maxElementBytes {
                bytes.append(current)
            }
        }
        if let problem {
            return .rejected(problem, index: index, raw: Array(bytes.prefix(65_536)))
        }
        return .bytes(bytes, index: index)
    }
}
