public import Foundation
public import PainmapCore

extension ReportRenderer {
    /// «Решения и их эффект» as a self-contained HTML page.
    public func renderEffects(_ page: DecisionEffectPage) -> Data {
        Data(DecisionEffectHTMLRenderer(page: page).render().utf8)
    }

    /// «Решения и их эффект» as JSON (sorted keys; ratios rounded to 4 decimals like the reports).
    ///
    /// - Throws: ``LocatedFailure`` when a number is NaN or infinite.
    public func renderEffectsJSON(_ page: DecisionEffectPage) throws(LocatedFailure) -> Data {
        var rounded = page
        func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
        for index in rounded.effects.indices {
            rounded.effects[index].rateRatio = round(rounded.effects[index].rateRatio)
            rounded.effects[index].lower = round(rounded.effects[index].lower)
            rounded.effects[index].upper = round(rounded.effects[index].upper)
            rounded.effects[index].before.ratePer10k = round(rounded.effects[index].before.ratePer10k)
            rounded.effects[index].after.ratePer10k = round(rounded.effects[index].after.ratePer10k)
        }
        return try ReportJSONEncoder.encode(rounded)
    }
}
