public import Foundation

/// One input file together with the layout that reads it.
public struct FeedFile: Sendable {
    /// The file.
    public var url: URL
    /// The path as shown to the user (relative when the user gave a relative path).
    public var displayPath: String
    /// The layout.
    public var feed: FeedConfiguration

    /// Creates a feed file.
    public init(url: URL, displayPath: String, feed: FeedConfiguration) {
        self.url = url
        self.displayPath = displayPath
        self.feed = feed
    }
}
