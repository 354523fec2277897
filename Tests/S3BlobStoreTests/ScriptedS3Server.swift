import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A stand-in for S3 on loopback that answers each request as a script says (a status, or
/// dropping the connection) and records what it received: enough to test how the client retries.
final class ScriptedS3Server: @unchecked Sendable {  // state behind `lock`
    enum Answer: Sendable {
        case status(Int)
        /// Closes the connection without answering, after reading the request.
        case drop
    }

    struct Received: Sendable {
        var method: String
        var uri: String
        var body: [UInt8]
    }

    private let lock = NSLock()
    private var script: [Answer]
    private var log: [Received] = []
    private var channel: (any Channel)?

    /// Answers `script` in order, then 200 to everything.
    init(script: [Answer]) { self.script = script }

    /// Starts listening on a free port and returns it.
    func start() async throws -> Int {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        lock.withLock { self.channel = channel }
        return channel.localAddress?.port ?? 0
    }

    func stop() async {
        let channel = lock.withLock { self.channel }
        try? await channel?.close()
    }

    var received: [Received] { lock.withLock { log } }

    fileprivate func answer(to request: Received) -> Answer {
        lock.withLock {
            log.append(request)
            return script.isEmpty ? .status(200) : script.removeFirst()
        }
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: ScriptedS3Server
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(server: ScriptedS3Server) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(let buffer):
                body += buffer.readableBytesView
            case .end:
                guard let head else { return }
                let answer = server.answer(to: Received(method: head.method.rawValue, uri: head.uri, body: body))
                guard case .status(let code) = answer else {
                    context.close(promise: nil)
                    return
                }
                let text = code == 200 ? "" : "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
                var headers = HTTPHeaders([("Content-Length", String(text.utf8.count)), ("ETag", "\"etag-\(body.count)\"")])
                if code != 200 { headers.add(name: "Content-Type", value: "application/xml") }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(
                    version: .http1_1, status: HTTPResponseStatus(statusCode: code), headers: headers))), promise: nil)
                if !text.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil) }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
