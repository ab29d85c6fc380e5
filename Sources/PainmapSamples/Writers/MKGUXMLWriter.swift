/// Renders «Ваш контроль» rating forms as the `mkgu:body` XML of form version 0.0.4.
struct MKGUXMLWriter: Sendable {
    func render(_ forms: [MKGUForm], region: SampleRegion) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mkgu:body xmlns:mkgu="http://vashkontrol.ru#" ID="mkgu">
              <mkgu:vendor id="601"/>
              <mkgu:form-version>0.0.4</mkgu:form-version>
              <mkgu:forms>

            """
        let offset = region.utcOffsetHours
        for form in forms {
            out += "    <mkgu:form mkgu-id=\"\(form.mkguID)\" foreign-id=\"\(form.foreignID)\">\n"
            out += "      <mkgu:data>\n"
            out += "        <mkgu:user id=\"\(form.userID)\"/>\n"
            out +=
                "        <mkgu:service id=\"\(form.service.frguID)\">\(Self.escape(form.service.name))</mkgu:service>\n"
            out += "        <mkgu:procedure id=\"\(form.service.procedureID)\"/>\n"
            out +=
                "        <mkgu:authority id=\"\(form.authorityID)\">\(Self.escape(form.authorityName))</mkgu:authority>\n"
            out += "        <mkgu:date>\(form.date.iso8601(offsetHours: offset))</mkgu:date>\n"
            out += "        <mkgu:received-date>\(form.received.iso8601(offsetHours: offset))</mkgu:received-date>\n"
            out += "        <mkgu:okato>\(form.okato)</mkgu:okato>\n"
            out += "      </mkgu:data>\n"
            out += "      <mkgu:rates>\n"
            for (indicator, value) in form.rates {
                out += "        <mkgu:rate indicator-id=\"\(indicator)\" value-id=\"\(value)\"/>\n"
            }
            out += "      </mkgu:rates>\n"
            switch form.comment {
            case .absent: break
            case .empty: out += "      <mkgu:comment/>\n"
            case .text(let text): out += "      <mkgu:comment>\(Self.escape(text))</mkgu:comment>\n"
            }
            out += "    </mkgu:form>\n"
        }
        out += "  </mkgu:forms>\n</mkgu:body>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
