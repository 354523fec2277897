@_exported import BatchyardTestSupport

/// The shared seeded generator under the name this target's tests use.
typealias SplitMix64 = SeededGenerator
