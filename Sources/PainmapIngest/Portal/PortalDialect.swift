/// The two shapes of a «Ваш контроль» rates message, told apart by the root element and its namespace.
enum PortalDialect: Equatable {
    /// `mkgu:body` in `http://vashkontrol.ru#`, as МФЦ queue systems post it to ИАС МКГУ.
    case mkguBody
    /// `RatesRequest` in `http://vashkontrol.ru/service/rates/1.2.0`, the СМЭВ 3 rates service.
    case ratesRequest

    /// The dialect of a document whose root is `root` in `namespace`, or `nil` when it is neither.
    init?(root: String, namespace: String?) {
        switch (root, namespace) {
        case ("body", PortalAdapter.namespace): self = .mkguBody
        case ("RatesRequest", PortalAdapter.ratesNamespace): self = .ratesRequest
        default: return nil
        }
    }
}
