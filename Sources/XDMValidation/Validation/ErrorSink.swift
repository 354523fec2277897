/// Collects a record's errors during one validation pass.
///
/// Paths are not tracked on the way down (that would cost work on every field of every valid
/// record); instead each container prefixes its key to the errors its child added, on the way back
/// up, so only failing records pay for building paths.
struct ErrorSink {
    private(set) var errors: [ValidationError] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether more errors would be dropped; validation stops descending once this is true.
    var isFull: Bool { errors.count >= limit }

    /// The number of errors so far, to pass to `prefix(from:with:)` later.
    var mark: Int { errors.count }

    mutating func add(_ rule: ValidationRule, expected: String, found: String, family: AEPErrorFamily? = nil) {
        guard !isFull else { return }
        errors.append(ValidationError(path: "", rule: rule, expected: expected, found: found, family: family))
    }

    /// Adds an error about the member `key` of the current container.
    mutating func add(
        at key: String, _ rule: ValidationRule, expected: String, found: String, family: AEPErrorFamily? = nil
    ) {
        guard !isFull else { return }
        errors.append(
            ValidationError(
                path: "/" + XDMPointer.escape(key), rule: rule, expected: expected, found: found, family: family))
    }

    /// Puts `/key` in front of the paths of errors added since `mark`.
    mutating func prefix(from mark: Int, with key: String) {
        guard mark < errors.count else { return }
        let segment = "/" + XDMPointer.escape(key)
        for index in mark..<errors.count {
            errors[index].path = segment + errors[index].path
        }
    }
}
