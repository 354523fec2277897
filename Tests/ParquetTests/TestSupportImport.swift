@_exported import BatchyardTestSupport

/// The shared seeded generator under the name this target's tests use.
typealias SeededRandom = SeededGenerator
