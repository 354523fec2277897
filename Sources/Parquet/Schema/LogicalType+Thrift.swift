// Reading and writing the Thrift `LogicalType` union, and the legacy `ConvertedType` mapping.
extension LogicalType {
    init?(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        var result: LogicalType?
        while let f = try r.readFieldHeader() {
            guard f.type == ThriftCompactType.struct.rawValue else { try r.skip(f.type); continue }
            switch f.id {
            case 1: result = .string; try r.skip(f.type)
            case 2: result = .map; try r.skip(f.type)
            case 3: result = .list; try r.skip(f.type)
            case 4: result = .enumeration; try r.skip(f.type)
            case 5:
                var scale: Int32 = 0, precision: Int32 = 0
                try r.beginStruct()
                while let g = try r.readFieldHeader() {
                    switch (g.id, g.type) {
                    case (1, ThriftCompactType.i32.rawValue): scale = try r.readI32()
                    case (2, ThriftCompactType.i32.rawValue): precision = try r.readI32()
                    default: try r.skip(g.type)
                    }
                }
                r.endStruct()
                result = .decimal(precision: precision, scale: scale)
            case 6: result = .date; try r.skip(f.type)
            case 7, 8:
                var utc = false
                var unit = TimeUnit.millis
                try r.beginStruct()
                while let g = try r.readFieldHeader() {
                    switch (g.id, g.type) {
                    case (1, _): utc = try r.boolValue(of: g.type)
                    case (2, ThriftCompactType.struct.rawValue): unit = try Self.readUnit(&r)
                    default: try r.skip(g.type)
                    }
                }
                r.endStruct()
                result = f.id == 7 ? .time(unit: unit, isAdjustedToUTC: utc) : .timestamp(unit: unit, isAdjustedToUTC: utc)
            case 10:
                var width: Int8 = 0
                var signed = true
                try r.beginStruct()
                while let g = try r.readFieldHeader() {
                    switch (g.id, g.type) {
                    case (1, ThriftCompactType.byte.rawValue): width = Int8(bitPattern: try r.readByte())
                    case (2, _): signed = try r.boolValue(of: g.type)
                    default: try r.skip(g.type)
                    }
                }
                r.endStruct()
                result = .integer(bitWidth: width, isSigned: signed)
            case 11: result = .unknown; try r.skip(f.type)
            case 12: result = .json; try r.skip(f.type)
            case 13: result = .bson; try r.skip(f.type)
            case 14: result = .uuid; try r.skip(f.type)
            case 15: result = .float16; try r.skip(f.type)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
        guard let result else { return nil }
        self = result
    }

    private static func readUnit(_ r: inout ThriftCompactReader) throws(ParquetError) -> TimeUnit {
        var unit = TimeUnit.millis
        try r.beginStruct()
        while let g = try r.readFieldHeader() {
            switch g.id {
            case 1: unit = .millis
            case 2: unit = .micros
            case 3: unit = .nanos
            default: break
            }
            try r.skip(g.type)
        }
        r.endStruct()
        return unit
    }

    func write(to w: inout ThriftCompactWriter) {
        switch self {
        case .string: w.field(1) { _ in }
        case .map: w.field(2) { _ in }
        case .list: w.field(3) { _ in }
        case .enumeration: w.field(4) { _ in }
        case .decimal(let precision, let scale):
            w.field(5) { w in
                w.field(1, i32: scale)
                w.field(2, i32: precision)
            }
        case .date: w.field(6) { _ in }
        case .time(let unit, let utc), .timestamp(let unit, let utc):
            let id: Int16 = if case .time = self { 7 } else { 8 }
            w.field(id) { w in
                w.field(1, bool: utc)
                w.field(2) { w in
                    switch unit {
                    case .millis: w.field(1) { _ in }
                    case .micros: w.field(2) { _ in }
                    case .nanos: w.field(3) { _ in }
                    }
                }
            }
        case .integer(let width, let signed):
            w.field(10) { w in
                w.field(1, i8: width)
                w.field(2, bool: signed)
            }
        case .unknown: w.field(11) { _ in }
        case .json: w.field(12) { _ in }
        case .bson: w.field(13) { _ in }
        case .uuid: w.field(14) { _ in }
        case .float16: w.field(15) { _ in }
        }
    }

    /// The legacy converted type older readers understand, when there is one.
    var convertedType: Int32? {
        switch self {
        case .string: 0
        case .map: 1
        case .list: 3
        case .enumeration: 4
        case .decimal: 5
        case .date: 6
        case .time(.millis, _): 7
        case .time(.micros, _): 8
        case .timestamp(.millis, true): 9
        case .timestamp(.micros, true): 10
        case .integer(let w, let s):
            switch (w, s) {
            case (8, false): 11
            case (16, false): 12
            case (32, false): 13
            case (64, false): 14
            case (8, true): 15
            case (16, true): 16
            case (32, true): 17
            case (64, true): 18
            default: nil
            }
        case .json: 19
        case .bson: 20
        default: nil
        }
    }

    /// Maps a legacy converted type to its logical type, for files written before LogicalType existed.
    init?(convertedType: Int32, precision: Int32, scale: Int32) {
        switch convertedType {
        case 0: self = .string
        case 1, 2: self = .map
        case 3: self = .list
        case 4: self = .enumeration
        case 5: self = .decimal(precision: precision, scale: scale)
        case 6: self = .date
        case 7: self = .time(unit: .millis, isAdjustedToUTC: true)
        case 8: self = .time(unit: .micros, isAdjustedToUTC: true)
        case 9: self = .timestamp(unit: .millis, isAdjustedToUTC: true)
        case 10: self = .timestamp(unit: .micros, isAdjustedToUTC: true)
        case 11: self = .integer(bitWidth: 8, isSigned: false)
        case 12: self = .integer(bitWidth: 16, isSigned: false)
        case 13: self = .integer(bitWidth: 32, isSigned: false)
        case 14: self = .integer(bitWidth: 64, isSigned: false)
        case 15: self = .integer(bitWidth: 8, isSigned: true)
        case 16: self = .integer(bitWidth: 16, isSigned: true)
        case 17: self = .integer(bitWidth: 32, isSigned: true)
        case 18: self = .integer(bitWidth: 64, isSigned: true)
        case 19: self = .json
        case 20: self = .bson
        default: return nil
        }
    }
}
