/// What ``TextAnalyzer`` removes from a text before counting its words, beyond normalization and stop words (issue 16).
///
/// Real exports are not clean messages: portal forms leave HTML (``MarkupStripper``), and letters to an authority
/// carry a frame — salutation, request formulae, sign-off and signature (``LetterFrames``) — that is the same
/// whatever the letter is about; addresses name a place, not a problem (``PlaceNames``). Both only change which words are counted; quotes and titles are taken from the
/// record as stored.
///
/// ```swift
/// let analyzer = TextAnalyzer(preparation: .letters)
/// analyzer.analyze("<p>Здравствуйте! Нет света.</p> С уважением, Иванов").map(\.stem)  // ["нет", "свет"]
/// ```
public struct TextPreparation: Sendable, Equatable, Hashable {
    /// Whether HTML tags, comments and entities are removed (``MarkupStripper``).
    public var stripsMarkup: Bool
    /// Whether a letter's salutation, formulae, sign-off and signature are skipped (``LetterFrames``).
    public var dropsLetterFrames: Bool
    /// With ``dropsLetterFrames``, whether request and follow-up formulae («прошу принять меры», «жду ответа») are
    /// skipped wherever they are, not only the opening, sign-off, signature and contacts.
    public var dropsRequestFormulae: Bool
    /// Whether the names in addresses (streets, districts, villages) are blanked (``PlaceNames``).
    public var dropsPlaceNames: Bool

    /// Creates a preparation.
    ///
    /// - Parameters:
    ///   - stripsMarkup: Remove HTML tags, comments and entities.
    ///   - dropsLetterFrames: Skip a letter's frame.
    ///   - dropsRequestFormulae: With `dropsLetterFrames`, also skip request formulae inside the text.
    ///   - dropsPlaceNames: Blank the names in addresses.
    public init(
        stripsMarkup: Bool,
        dropsLetterFrames: Bool,
        dropsRequestFormulae: Bool = true,
        dropsPlaceNames: Bool = false
    ) {
        self.stripsMarkup = stripsMarkup
        self.dropsLetterFrames = dropsLetterFrames
        self.dropsRequestFormulae = dropsRequestFormulae
        self.dropsPlaceNames = dropsPlaceNames
    }

    /// Nothing removed: the analyzer counts every word the normalizer and the stop list leave.
    public static let none = TextPreparation(stripsMarkup: false, dropsLetterFrames: false, dropsRequestFormulae: false)
    /// Markup removed: what clustering uses by default.
    ///
    /// `painmap cluster` and the quarterly run use it: markup is never what a message is about, and a text without
    /// markup is analyzed exactly as before.
    public static let standard = TextPreparation(
        stripsMarkup: true,
        dropsLetterFrames: false,
        dropsRequestFormulae: false
    )
    /// Everything removed: markup, letter frames with their request formulae, and place names — for exports of long
    /// letters to an authority (`painmap cluster --letters`).
    public static let letters = TextPreparation(
        stripsMarkup: true,
        dropsLetterFrames: true,
        dropsRequestFormulae: true,
        dropsPlaceNames: true
    )
}
