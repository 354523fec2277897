/// Whether a field must, may, or may repeatedly appear in its parent (parquet.thrift `FieldRepetitionType`).
public enum Repetition: Int32, Sendable, Hashable {
    case required = 0
    case optional = 1
    case repeated = 2
}
