/// Relative link targets built from model ids (region codes, life situation ids).
enum URLPathComponent {
    /// `id` with every byte outside `A–Z a–z 0–9 - . _` percent-encoded, and a leading dot encoded too, so an id
    /// can neither leave its directory (`..`) nor become a scheme (`javascript:`).
    static func encoded(_ id: String) -> String {
        var result = ""
        for (index, byte) in id.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ".") where index > 0:
                result.append(".")
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result.isEmpty ? "_" : result
    }
}
