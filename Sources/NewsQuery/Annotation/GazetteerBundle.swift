import Foundation

extension Gazetteer {
    /// The gazetteers shipped with the package (loaded once).
    public static let bundled: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteers", withExtension: nil) else {
            fatalError("NewsQuery: the gazetteers resource folder is missing from the bundle")
        }
        do { return try Gazetteer(directory: url) } catch { fatalError("NewsQuery: \(error)") }
    }()
}
