import Dispatch

/// One piece of encoding work running on a thread of its own, awaited with ``wait()``.
///
/// The writer hands a full row group to it and goes on buffering the next one, so that shredding
/// and encoding overlap on two cores. The work owns what it touches (the sink, the file position,
/// the row-group list) until it is awaited; the writer does not touch those meanwhile.
final class BackgroundEncoding: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the work before it signals `done`, read only after `wait()`.
    private var failure: ParquetError?

    /// Starts `work` at once on a global queue.
    init(_ work: @escaping () throws(ParquetError) -> Void) {
        let job = UncheckedJob(work: work)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do throws(ParquetError) {
                try job.work()
            } catch {
                failure = error
            }
            done.signal()
        }
    }

    /// Blocks until the work has finished; rethrows its error.
    func wait() throws(ParquetError) {
        done.wait()
        if let failure { throw failure }
    }

    /// The work closure captures the writer, which is not `Sendable`; ``BackgroundEncoding``'s
    /// ownership rule above is what makes handing it to another thread safe.
    private struct UncheckedJob: @unchecked Sendable {
        let work: () throws(ParquetError) -> Void
    }
}
