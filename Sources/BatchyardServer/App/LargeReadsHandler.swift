import NIOCore
import NIOHTTPTypes

/// Lets one socket read take up to 1 MiB (NIO's adaptive default stops at 64 KiB), so a large
/// request body reaches the upload handler in about 16× fewer pieces: each piece crosses from the
/// event loop to the handler's task, and that hop, not the copy, was the cost per piece.
final class LargeReadsHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    static let maximumReadBytes = 1 << 20

    func handlerAdded(context: ChannelHandlerContext) {
        let allocator = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 2048, maximum: Self.maximumReadBytes)
        context.channel.setOption(ChannelOptions.recvAllocator, value: allocator).whenFailure { _ in
            // Only a tuning: the default allocator stays.
        }
    }
}
