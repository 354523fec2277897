/// Resolution of TIME and TIMESTAMP values.
public enum TimeUnit: Sendable, Hashable {
    case millis
    case micros
    case nanos
}
