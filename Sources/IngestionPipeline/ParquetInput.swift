import BatchyardCore
import Ingestion
import Parquet
import XDMValidation

/// Reads an uploaded Parquet file as JSON records for the validator, after checking that its
/// columns are a subset of the dataset's schema with convertible types (contract §5.2: "Contents
/// of the parquet file must match a subset of the schema of the dataset").
///
/// Rows are read one row group at a time, so memory is bounded by the file's row-group size.
struct ParquetInput {
    let reader: ParquetFileReader
    let fileName: String

    init(path: String, fileName: String) throws(IngestionFileError) {
        do {
            reader = try ParquetFileReader(path: path)
        } catch {
            throw IngestionFileError(
                .unreadableFile, file: fileName, message: "The file is not a readable Parquet file: \(error).")
        }
        self.fileName = fileName
    }

    /// Throws when a column is not in `schema` or cannot be converted to its field's type.
    func check(against schema: XDMObjectType) throws(IngestionFileError) {
        for field in reader.schema.fields {
            guard let property = schema[field.name] else {
                throw IngestionFileError(
                    .typeCompatibility, file: fileName,
                    message: "Column '\(field.name)' is not in the dataset's schema; a Parquet file's columns must be a subset of it.")
            }
            if let problem = Self.incompatibility(field, property.type, path: "/" + field.name) {
                throw IngestionFileError(.typeCompatibility, file: fileName, message: problem)
            }
        }
    }

    /// Calls `body` with each row as a JSON record, one row group at a time.
    func forEachRecord(_ body: (JSONValue) throws -> Void) throws {
        let fields = reader.schema.fields
        for group in 0..<reader.rowGroupCount {
            let rows = try reader.readRows(rowGroup: group)
            for row in rows {
                var members: [String: JSONValue] = [:]
                for field in fields {
                    let value = Self.json(row[field.name], field)
                    if !value.isNull { members[field.name] = value }
                }
                try body(.object(members))
            }
        }
    }

    /// The record value of a Parquet value, with dates and timestamps in the validator's input forms.
    static func json(_ value: ParquetValue, _ field: ParquetField) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .bytes(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        case .int(let number):
            switch field.logicalType {
            case .date?: return .string(XDMDate.string(fromEpochDays: number))
            case .timestamp(let unit, _)?:
                switch unit {
                case .millis: return .int(number)
                case .micros: return .int(number / 1_000)
                case .nanos: return .int(number / 1_000_000)
                }
            default: return .int(number)
            }
        case .list(let items):
            let element = field.children.first?.children.first ?? field
            return .array(items.map { json($0, element) })
        case .map(let entries):
            let valueField = field.children.first?.children.dropFirst().first ?? field
            var members: [String: JSONValue] = [:]
            for entry in entries {
                let key: String
                switch entry.key {
                case .string(let text): key = text
                default: key = json(entry.key, field).serialized()
                }
                members[key] = json(entry.value, valueField)
            }
            return .object(members)
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for child in field.children {
                let converted = json(members[child.name] ?? .null, child)
                if !converted.isNull { object[child.name] = converted }
            }
            return .object(object)
        }
    }

    /// Why values of `field` can never become `type` (the conversion matrix of contract §5.3), or nil.
    static func incompatibility(_ field: ParquetField, _ type: XDMFieldType, path: String) -> String? {
        let found: String
        switch field.kind {
        case .primitive(let physical, _):
            let isText = physical == .byteArray || physical == .fixedLenByteArray
            let numeric: [PhysicalType] = [.int32, .int64, .int96, .float, .double]
            let isNumber = numeric.contains(physical)
            let ok: Bool
            switch type {
            case .string: ok = true
            case .number, .integer: ok = isNumber || isText
            case .boolean: ok = physical == .boolean
            case .date, .dateTime: ok = isText || physical == .int64 || physical == .int32 || physical == .int96
            case .object, .map, .array: ok = false
            }
            if ok { return nil }
            found = "\(physical)"
        default:
            let isList = field.logicalType == .list
            switch type {
            case .array(let items, _) where isList:
                guard let element = field.children.first?.children.first else { return nil }
                return incompatibility(element, items, path: path + "/*")
            case .object(let object) where !isList:
                if field.logicalType == .map { return nil }
                for child in field.children {
                    guard let property = object[child.name] else {
                        return "Column '\(path)/\(child.name)' is not in the dataset's schema."
                    }
                    if let problem = incompatibility(child, property.type, path: path + "/" + child.name) {
                        return problem
                    }
                }
                return nil
            case .map where !isList: return nil
            default: found = isList ? "list" : "group"
            }
        }
        return "Column '\(path)' holds \(found) values, which cannot be converted to \(type.displayName)."
    }
}
