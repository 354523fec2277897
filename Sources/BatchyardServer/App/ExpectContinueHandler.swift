import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with an interim `100 Continue`, which Hummingbird does not.
///
/// curl (as in AEP's upload examples) and many HTTP libraries send that header with bodies over
/// 1 MB and wait up to a second for the interim answer before sending the body: without it every
/// file PUT and chunk PATCH would start a second late. Refusals (413, 415, 404) still reach the
/// client as the final answer; a client that reads the interim answer stops sending then.
final class ExpectContinueHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(var head) = unwrapInboundIn(data),
            let expectation = head.headerFields[.expect], expectation.lowercased() == "100-continue"
        {
            head.headerFields[.expect] = nil
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            context.fireChannelRead(wrapInboundOut(.head(head)))
            return
        }
        context.fireChannelRead(data)
    }
}
