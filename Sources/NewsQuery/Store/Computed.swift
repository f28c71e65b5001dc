import Foundation

/// A value of the store computed on first use and then kept. Copies of the store share it, which is
/// right because they hold the same articles: the store makes a new one whenever its articles change.
final class Computed<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `stored` is read and written only under `lock`.
    private let lock = NSLock()
    private var stored: Value?

    /// The value, made by `make` the first time (once, even when several threads ask at once).
    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}
