/// Decodes a data page's values in any supported encoding into a column's value arrays.
enum ValueDecoder {
    static func decode(
        _ c: inout ByteCursor, count: Int, encoding: Int32, column: ColumnDescriptor, dictionary: ColumnValues?,
        into out: inout ColumnValues
    ) throws(ParquetError) {
        guard count > 0 else { return }
        switch encoding {
        case ParquetEncoding.plain.rawValue:
            try PlainDecoder.decode(&c, count: count, typeLength: column.typeLength, into: &out)
        case ParquetEncoding.plainDictionary.rawValue, ParquetEncoding.rleDictionary.rawValue:
            guard let dictionary else { throw .corrupt("dictionary-encoded page without dictionary in \(column.dottedPath)") }
            let width = Int(try c.readByte())
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: c.base[c.position...]), bitWidth: width)
            var indices = [Int32](repeating: 0, count: count)
            var failure: ParquetError?
            indices.withUnsafeMutableBufferPointer { buf in
                do throws(ParquetError) { try decoder.decode(count: count, into: buf.baseAddress!) } catch { failure = error }
            }
            if let failure { throw failure }
            c.position += decoder.position
            try gather(dictionary, indices, into: &out)
        case ParquetEncoding.rle.rawValue:
            guard out.physicalType == .boolean else { throw .unsupported("RLE values for \(out.physicalType)") }
            let length = Int(try c.readLE(UInt32.self))
            guard length <= c.remaining else { throw .truncated("RLE boolean data") }
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: c.base[c.position..<c.position + length]), bitWidth: 1)
            var bits = [UInt8](repeating: 0, count: count)
            var failure: ParquetError?
            bits.withUnsafeMutableBufferPointer { buf in
                do throws(ParquetError) { try decoder.decode(count: count, into: buf.baseAddress!) } catch { failure = error }
            }
            if let failure { throw failure }
            c.position += length
            out.booleans.append(contentsOf: bits.lazy.map { $0 != 0 })
        case ParquetEncoding.deltaBinaryPacked.rawValue:
            let values = try DeltaBinaryPackedDecoder.decode(&c, count: count)
            switch out.physicalType {
            case .int32: out.int32s.append(contentsOf: values.lazy.map { Int32(truncatingIfNeeded: $0) })
            case .int64: out.int64s.append(contentsOf: values)
            default: throw .unsupported("DELTA_BINARY_PACKED for \(out.physicalType)")
            }
        case ParquetEncoding.deltaLengthByteArray.rawValue:
            guard out.physicalType == .byteArray else { throw .unsupported("DELTA_LENGTH_BYTE_ARRAY for \(out.physicalType)") }
            try DeltaByteArrayDecoder.decodeLengths(&c, count: count, into: &out)
        case ParquetEncoding.deltaByteArray.rawValue:
            guard out.physicalType == .byteArray || out.physicalType == .fixedLenByteArray else {
                throw .unsupported("DELTA_BYTE_ARRAY for \(out.physicalType)")
            }
            let width = out.physicalType == .fixedLenByteArray ? column.typeLength : 0
            try DeltaByteArrayDecoder.decodeFrontCoded(&c, count: count, fixedWidth: width, into: &out)
        case ParquetEncoding.byteStreamSplit.rawValue:
            try ByteStreamSplitDecoder.decode(&c, count: count, typeLength: column.typeLength, into: &out)
        default:
            throw .unsupported("encoding \(encoding) in \(column.dottedPath)")
        }
    }

    private static func gather(_ dict: ColumnValues, _ indices: [Int32], into out: inout ColumnValues) throws(ParquetError) {
        let n = dict.count
        for i in indices where i < 0 || Int(i) >= n { throw .corrupt("dictionary index \(i) out of \(n)") }
        switch out.physicalType {
        case .boolean: out.booleans.append(contentsOf: indices.lazy.map { dict.booleans[Int($0)] })
        case .int32: out.int32s.append(contentsOf: indices.lazy.map { dict.int32s[Int($0)] })
        case .int64: out.int64s.append(contentsOf: indices.lazy.map { dict.int64s[Int($0)] })
        case .float: out.floats.append(contentsOf: indices.lazy.map { dict.floats[Int($0)] })
        case .double: out.doubles.append(contentsOf: indices.lazy.map { dict.doubles[Int($0)] })
        case .byteArray, .fixedLenByteArray, .int96:
            var total = 0
            for i in indices { total += dict.offsets[Int(i) + 1] - dict.offsets[Int(i)] }
            guard total <= PageCompressor.maxPageSize else { throw ParquetError(.limitExceeded, "dictionary expansion") }
            out.bytes.reserveCapacity(out.bytes.count + total)
            out.offsets.reserveCapacity(out.offsets.count + indices.count)
            dict.bytes.withUnsafeBufferPointer { src in
                for i in indices {
                    let r = dict.offsets[Int(i)]..<dict.offsets[Int(i) + 1]
                    out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[r]))
                    out.offsets.append(out.bytes.count)
                }
            }
        }
    }
}
