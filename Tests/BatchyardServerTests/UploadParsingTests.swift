@testable import BatchyardServer
import Testing

@Suite("Upload and download header parsing")
struct UploadParsingTests {
    @Test("upload paths: folders and odd but harmless names pass; tricks are refused")
    func paths() throws {
        #expect(try UploadPath(rawSegments: ["a", "b=1", "c.json"]).value == "a/b=1/c.json")
        #expect(try UploadPath(rawSegments: ["with%20space.json"]).value == "with space.json")
        #expect(try UploadPath(rawSegments: [".hidden"]).value == ".hidden")
        #expect(try UploadPath(decoded: "row_errors/x.json").value == "row_errors/x.json")
        for bad: [Substring] in [[], [""], ["a", ""], ["", "etc"], [".."], ["a", "."], ["a%2Fb"], ["%2E%2E"], ["a%5Cb"],
                                 ["a%00"], ["%ZZ"], [Substring(String(repeating: "x", count: 256))]] {
            #expect(throws: ProblemError.self, "\(bad)") { try UploadPath(rawSegments: bad) }
        }
        #expect(throws: ProblemError.self) { try UploadPath(decoded: "../x") }
        #expect(throws: ProblemError.self) { try UploadPath(decoded: "/abs") }
        let long = Array(repeating: Substring(String(repeating: "y", count: 200)), count: 6)
        #expect(throws: ProblemError.self) { try UploadPath(rawSegments: long) }
    }

    @Test("Content-Range forms")
    func contentRange() throws {
        #expect(try ContentRange(header: "bytes 0-99/1000") == ContentRange(start: 0, end: 99, total: 1000))
        #expect(try ContentRange(header: "bytes 100-199") == ContentRange(start: 100, end: 199, total: nil))
        #expect(try ContentRange(header: "bytes=5-5/*") == ContentRange(start: 5, end: 5, total: nil))
        #expect(try ContentRange(header: "bytes 0-99/1000").length == 100)
        for bad in [nil, "", "bytes", "bytes 9-1/10", "bytes -1-5/10", "bytes 0-9/9", "chars 0-9/10", "bytes 0-x/10"] {
            #expect(throws: ProblemError.self, "\(bad ?? "nil")") { try ContentRange(header: bad) }
        }
    }

    @Test("chunk sets merge for HEAD and stitch only when they tile the file")
    func chunkRanges() throws {
        let prefix = "chunks/o/s/b/f/"
        let set = ChunkRanges(keys: [prefix + "200-299", prefix + "0-99", prefix + "100-149", prefix + "junk", prefix + "x/1-2"],
                              prefix: prefix)
        #expect(set.chunks.map(\.start) == [0, 100, 200])
        #expect(set.merged == [0...149, 200...299])
        #expect(set.rangeHeader == "bytes=0-149,200-299")
        #expect(throws: ProblemError.self) { try set.stitchOrder(declaredTotal: nil) }
        let tiled = ChunkRanges(keys: [prefix + "100-199", prefix + "0-99"], prefix: prefix)
        #expect(try tiled.stitchOrder(declaredTotal: 200).map(\.end) == [99, 199])
        #expect(try tiled.stitchOrder(declaredTotal: nil).count == 2)
        #expect(throws: ProblemError.self) { try tiled.stitchOrder(declaredTotal: 300) }
        #expect(throws: ProblemError.self) { try tiled.stitchOrder(declaredTotal: 150) }
        let overlapping = ChunkRanges(keys: [prefix + "0-99", prefix + "50-149"], prefix: prefix)
        #expect(overlapping.rangeHeader == "bytes=0-149")
        #expect(throws: ProblemError.self) { try overlapping.stitchOrder(declaredTotal: nil) }
        #expect(throws: ProblemError.self) { try ChunkRanges([]).stitchOrder(declaredTotal: nil) }
        #expect(ChunkRanges([]).rangeHeader == nil)
    }

    @Test("Range request headers")
    func byteRanges() {
        #expect(ByteRange(header: nil, size: 100) == .whole)
        #expect(ByteRange(header: "bytes=0-9", size: 100) == .partial(0...9))
        #expect(ByteRange(header: "bytes=90-200", size: 100) == .partial(90...99))
        #expect(ByteRange(header: "bytes=95-", size: 100) == .partial(95...99))
        #expect(ByteRange(header: "bytes=-10", size: 100) == .partial(90...99))
        #expect(ByteRange(header: "bytes=-1000", size: 100) == .partial(0...99))
        #expect(ByteRange(header: "bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-0", size: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=0-1,5-6", size: 100) == .whole)
        #expect(ByteRange(header: "items=0-1", size: 100) == .whole)
        #expect(ByteRange(header: "bytes=5-1", size: 100) == .whole)
    }

    @Test("paging envelope: _links only when there is more than one page")
    func paging() throws {
        let (page, _) = try DataAccessPage.parse([("start", "2"), ("limit", "2")])
        let body = page.envelope(["a", "b"], total: 5, base: "http://h/x")
        #expect(body["_page"] == ["limit": 2, "count": 5])
        #expect(body["_links"]?["next"]?["href"] == "http://h/x?start=4&limit=2")
        #expect(body["_links"]?["page"]?["href"] == "http://h/x?start=2&limit=2")
        #expect(DataAccessPage().envelope([], total: 0, base: "b")["_links"] == nil)
        #expect(page.slice([1, 2, 3, 4, 5]) == [3, 4])
        #expect(throws: (any Error).self) { try DataAccessPage.parse([("limit", "0")]) }
        #expect(throws: (any Error).self) { try DataAccessPage.parse([("start", "-1")]) }
        #expect(throws: (any Error).self) { try DataAccessPage.parse([("x", "1")]) }
    }
}
