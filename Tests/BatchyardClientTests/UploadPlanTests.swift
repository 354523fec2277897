import Testing
@testable import BatchyardClient

@Suite("UploadPlan: the gaps of a resumable upload")
struct UploadPlanTests {
    typealias Chunk = UploadPlan.Chunk

    @Test("a fresh upload is cut into chunks, the last one short")
    func fresh() {
        let plan = UploadPlan(fileSize: 250, chunkSize: 100)
        #expect(plan.chunks == [Chunk(start: 0, end: 99), Chunk(start: 100, end: 199), Chunk(start: 200, end: 249)])
        #expect(plan.receivedBytes == 0)
        #expect(plan.chunks[2].contentRange(total: 250) == "bytes 200-249/250")
    }

    @Test("what the server holds is skipped exactly, whatever chunk size sent it")
    func resume() {
        let plan = UploadPlan(fileSize: 1000, chunkSize: 300, received: [0...149, 400...499])
        #expect(plan.chunks == [Chunk(start: 150, end: 399), Chunk(start: 500, end: 799), Chunk(start: 800, end: 999)])
        #expect(plan.receivedBytes == 250)
        #expect(UploadPlan(fileSize: 10, chunkSize: 4, received: [0...9]).chunks.isEmpty)
        // Overlapping or out-of-file ranges from the server do not send anything twice.
        let odd = UploadPlan(fileSize: 10, chunkSize: 4, received: [2...5, 4...6, 8...20])
        #expect(odd.chunks == [Chunk(start: 0, end: 1), Chunk(start: 7, end: 7)])
        #expect(odd.receivedBytes == 7)
    }

    @Test("Range headers parse; anything else means nothing received")
    func header() {
        #expect(UploadPlan.ranges(fromHeader: "bytes=0-99,200-299") == [0...99, 200...299])
        #expect(UploadPlan.ranges(fromHeader: nil).isEmpty)
        #expect(UploadPlan.ranges(fromHeader: "bytes=9-1").isEmpty)
        #expect(UploadPlan.ranges(fromHeader: "items=0-1").isEmpty)
    }
}
