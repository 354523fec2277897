/// A conversion the validator found for one scalar of a tape, applied once the whole record has
/// passed (so a refused record stays exactly as it was parsed).
enum TapeChange {
    case int(Int, Int64)
    case double(Int, Double)
    case string(Int, String)
}
