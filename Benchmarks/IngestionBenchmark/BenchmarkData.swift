import Foundation

/// Generates nested XDM-like JSON Lines records (identity map, commerce, web details, a list of
/// product items), reusing the file when it already exists with the requested size.
enum BenchmarkData {
    static func generate(path: String, bytes target: Int64) throws -> Int {
        let countPath = path + ".count"
        if let count = try? String(contentsOfFile: countPath, encoding: .utf8), let records = Int(count),
            FileManager.default.fileExists(atPath: path)
        {
            return records
        }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var written: Int64 = 0
        var index = 0
        var buffer = ""
        while written < target {
            let line = record(index) + "\n"
            buffer += line
            written += Int64(line.utf8.count)
            index += 1
            if buffer.utf8.count > 4 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
        try handle.close()
        try String(index).write(toFile: countPath, atomically: true, encoding: .utf8)
        return index
    }

    static func record(_ i: Int) -> String {
        let ms = 1_700_000_000_000 + Int64(i) * 1_000
        let items = (0..<(i % 3 + 1)).map {
            #"{"SKU":"SKU-\#(i % 5000)-\#($0)","name":"Product \#($0) of order \#(i)","quantity":\#($0 + 1),"priceTotal":\#(Double(i % 1000) / 10 + Double($0))}"#
        }.joined(separator: ",")
        return #"{"_id":"evt-\#(i)","timestamp":\#(ms),"eventType":"commerce.purchases","#
            + #""identityMap":{"ECID":[{"id":"\#(i * 7919 % 1_000_003)","primary":true}]},"#
            + #""web":{"webPageDetails":{"name":"checkout","URL":"https://example.com/checkout?o=\#(i)"},"webReferrer":{"URL":"https://search.example.org/?q=item\#(i % 97)"}},"#
            + #""commerce":{"purchases":{"value":1},"order":{"purchaseID":"order-\#(i)","currencyCode":"USD","priceTotal":\#(Double(i % 10000) / 100)}},"#
            + #""productListItems":[\#(items)],"#
            + #""_acme":{"loyalty":{"tier":"\#(["gold", "silver", "bronze"][i % 3])","points":\#(i % 100_000)}}}"#
    }
}
