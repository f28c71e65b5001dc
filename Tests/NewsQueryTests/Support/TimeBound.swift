import Foundation

/// How many times longer a slowed build (`make asan` sets `NEWSQ_TEST_TIME_SCALE=10`) may take than the
/// debug build the time bounds of tests are set for.
let testTimeScale = max(1, ProcessInfo.processInfo.environment["NEWSQ_TEST_TIME_SCALE"].flatMap(Int.init) ?? 1)

/// The time within which a test's input must be handled: a guard against hangs and quadratic
/// blow-ups, set far above what a debug build takes, not a measure of speed (BENCHMARKS.md has those).
func timeBound(_ seconds: Int) -> Duration { .seconds(seconds * testTimeScale) }
