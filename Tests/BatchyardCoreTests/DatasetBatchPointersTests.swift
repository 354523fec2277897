import BatchyardCore
import Testing

@Suite("DatasetBatchPointers")
struct DatasetBatchPointersTests {
    @Test("Pointers follow the newest batch and remember the last success and failure")
    func follow() {
        var pointers = DatasetBatchPointers()
        pointers.apply(batchId: "01A", status: .staging)
        #expect(pointers == DatasetBatchPointers(lastBatchId: "01A", lastBatchStatus: .staging))
        pointers.apply(batchId: "01A", status: .success)
        pointers.apply(batchId: "01B", status: .failed)
        #expect(pointers == DatasetBatchPointers(
            lastBatchId: "01B", lastBatchStatus: .failed, lastSuccessfulBatch: "01A", lastFailedBatch: "01B"))
    }

    @Test("An older batch finishing late does not move the pointers back")
    func outOfOrder() {
        var pointers = DatasetBatchPointers(
            lastBatchId: "01C", lastBatchStatus: .success, lastSuccessfulBatch: "01C", lastFailedBatch: "01B")
        pointers.apply(batchId: "01A", status: .success)
        pointers.apply(batchId: "01A", status: .failure)
        #expect(pointers.lastBatchId == "01C" && pointers.lastSuccessfulBatch == "01C")
        #expect(pointers.lastFailedBatch == "01B")
    }

    @Test("Reads from and writes to a dataset document")
    func json() {
        var dataset: JSONValue = ["name": "d", "lastBatchStatus": "bogus"]
        #expect(DatasetBatchPointers(dataset: dataset) == DatasetBatchPointers())
        var pointers = DatasetBatchPointers(dataset: dataset)
        pointers.apply(batchId: "01A", status: .active)
        pointers.write(into: &dataset)
        #expect(dataset == [
            "name": "d", "lastBatchId": "01A", "lastBatchStatus": "active", "lastSuccessfulBatch": "01A",
        ])
        #expect(DatasetBatchPointers(dataset: dataset) == pointers)
    }
}
