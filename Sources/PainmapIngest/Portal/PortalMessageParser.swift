import PainmapCore

/// Follows the events of one «Ваш контроль» message and hands back each `form` once it closes, checked.
///
/// Elements are matched by local name, so the same code reads `mkgu:body` (attributes such as `mkgu-id`,
/// `service@id`) and the СМЭВ 3 `RatesRequest` (whose values may also come as child elements: `<id>`,
/// `<mkgu-id>`, `<indicator-id>`). An enveloped XML-DSig `Signature` is skipped whole and noted in ``signed``.
struct PortalMessageParser {
    private(set) var validator: PortalFormValidator
    /// Whether the message carries an XML-DSig `Signature`.
    private(set) var signed = false
    private var path: [String] = []
    private var signatureLevel: Int?
    private var draft: PortalForm?
    private var text = ""

    init(validator: PortalFormValidator) {
        self.validator = validator
    }

    /// Takes the next event; returns the outcome of a form when the event closes one.
    mutating func consume(_ event: XMLEvent, line: Int) -> RowOutcome<FeedbackRecord>? {
        switch event {
        case .startElement(let name, let namespace, let attributes, _):
            start(name, namespace: namespace, attributes: attributes, line: line)
            return nil
        case .text(let chunk):
            if signatureLevel == nil { text += chunk }
            return nil
        case .endElement(let name):
            defer {
                if !path.isEmpty { path.removeLast() }
                text = ""
            }
            if let level = signatureLevel {
                if path.count - 1 == level { signatureLevel = nil }
                return nil
            }
            return end(name)
        }
    }

    private var parent: String? { path.count >= 2 ? path[path.count - 2] : nil }

    private mutating func start(_ name: String, namespace: String?, attributes: [String: String], line: Int) {
        if signatureLevel != nil {
            path.append(name)
            return
        }
        if name == "Signature", namespace == PortalAdapter.signatureNamespace {
            signed = true
            signatureLevel = path.count
            path.append(name)
            return
        }
        path.append(name)
        text = ""
        if name == "form", parent == "forms" {
            draft = PortalForm(line: line, mkguID: attributes["mkgu-id"], foreignID: attributes["foreign-id"])
            return
        }
        guard var form = draft else {
            if name == "vendor", let id = attributes["id"] { validator.vendorID = id }
            return
        }
        switch name {
        case "service": form.serviceID = attributes["id"]
        case "authority": form.authorityID = attributes["id"]
        case "procedure": form.procedureID = attributes["id"]
        case "rate":
            form.rates.append(
                PortalForm.Rate(indicator: attributes["indicator-id"] ?? "", value: attributes["value-id"] ?? "")
            )
        default: break
        }
        draft = form
    }

    private mutating func end(_ name: String) -> RowOutcome<FeedbackRecord>? {
        let value = text.trimmedCell
        guard var form = draft else {
            if name == "id", parent == "vendor" { validator.vendorID = value }
            return nil
        }
        switch name {
        case "form" where parent == "forms":
            draft = nil
            return validator.outcome(of: form)
        case "mkgu-id" where parent == "form": form.mkguID = value
        case "foreign-id" where parent == "form": form.foreignID = value
        case "id":
            switch parent {
            case "service": form.serviceID = value
            case "authority": form.authorityID = value
            case "procedure": form.procedureID = value
            default: break
            }
        case "indicator-id" where parent == "rate":
            if !form.rates.isEmpty { form.rates[form.rates.count - 1].indicator = value }
        case "value-id" where parent == "rate":
            if !form.rates.isEmpty { form.rates[form.rates.count - 1].value = value }
        case "service": if !value.isEmpty { form.serviceName = value }
        case "authority": if !value.isEmpty { form.authorityName = value }
        case "procedure":
            // Queue systems may write the procedure's id as its text, or leave the element empty.
            if form.procedureID == nil, PortalFormValidator.isDigits(value, lengths: 1...19) {
                form.procedureID = value
            }
        case "date": form.date = value
        case "received-date": form.receivedDate = value
        case "okato": form.okato = value
        case "comment": form.comments.append(text)
        case "rate":
            // A rate's own text is a number in most messages («1»); words there are the citizen's comment.
            if !value.isEmpty, !PortalFormValidator.isDigits(value, lengths: 1...19) { form.comments.append(value) }
        default: break
        }
        draft = form
        return nil
    }
}
