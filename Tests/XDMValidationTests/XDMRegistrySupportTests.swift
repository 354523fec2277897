import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("Registry support: Accept, rendering, identifiers")
struct XDMRegistrySupportTests {
    @Test func listingAccept() throws {
        #expect(try XDMAcceptHeader.listing("application/vnd.adobe.xed-id+json").representation == .summary)
        #expect(try XDMAcceptHeader.listing("application/vnd.adobe.xed+json").representation == .standard)
        #expect(try XDMAcceptHeader.listing("text/html, application/vnd.adobe.xed-id+json").representation == .summary)
        for header in [nil, "application/json", "application/vnd.adobe.xed+json;version=1", "application/vnd.adobe.xed-full+json"] {
            #expect { try XDMAcceptHeader.listing(header) } throws: { ($0 as? XDMAcceptError)?.code == "XDM-1006-400" }
        }
    }

    @Test func lookupAccept() throws {
        let full = try XDMAcceptHeader.lookup("application/vnd.adobe.xed-full-notext+json; version=1")
        #expect(full == XDMAcceptHeader(representation: .fullNoText, majorVersion: 1))
        #expect(try XDMAcceptHeader.lookup("application/vnd.adobe.xed+json;version=1.2").minorVersion == 2)
        #expect(try XDMAcceptHeader.lookup("APPLICATION/VND.ADOBE.XED-FULL+JSON; Version=1").representation == .full)
        #expect {
            try XDMAcceptHeader.lookup("application/vnd.adobe.xed+json")
        } throws: { error in
            let accept = error as? XDMAcceptError
            return accept?.code == "XDM-1007-400" && accept?.detail.hasSuffix("(Version should be specified)") == true
                && accept?.title == "Accept header invalid" && accept?.status == 400
        }
        for header in [nil, "application/json", "application/vnd.adobe.xed-id+json;version=1", "application/vnd.adobe.xed+json;version=x"] {
            #expect(throws: XDMAcceptError.self) { try XDMAcceptHeader.lookup(header) }
        }
    }

    @Test func versionAvailability() {
        let major = XDMAcceptHeader(representation: .standard, majorVersion: 1)
        #expect(major.isSatisfied(byResourceVersion: "1.4"))
        #expect(major.isSatisfied(byResourceVersion: "1"))
        #expect(!XDMAcceptHeader(representation: .standard, majorVersion: 2).isSatisfied(byResourceVersion: "1.4"))
        #expect(XDMAcceptHeader(representation: .standard, majorVersion: 1, minorVersion: 4).isSatisfied(byResourceVersion: "1.4"))
        #expect(!XDMAcceptHeader(representation: .standard, majorVersion: 1, minorVersion: 3).isSatisfied(byResourceVersion: "1.4"))
    }

    @Test func renderings() throws {
        let schema = json(
            #"""
            {"$id": "https://ns.adobe.com/acme/schemas/s1", "meta:altId": "_acme.schemas.s1", "version": "1.0", "title": "S",
             "description": "d", "type": "object",
             "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/experienceevent"}],
             "properties": {"title": {"type": "string", "title": "A field named title", "description": "kept as a field"}}}
            """#)
        let resolver = XDMSchemaResolver { _ in nil }
        #expect(try XDMSchemaRendering.render(schema, as: .standard, resolver: resolver) == schema)
        #expect(try XDMSchemaRendering.render(schema, as: .summary, resolver: resolver)
            == json(#"{"$id": "https://ns.adobe.com/acme/schemas/s1", "meta:altId": "_acme.schemas.s1", "version": "1.0", "title": "S"}"#))
        let full = try XDMSchemaRendering.render(schema, as: .full, resolver: resolver)
        #expect(full["properties"]?["timestamp"] != nil && full["allOf"] == nil)
        let noText = try XDMSchemaRendering.render(schema, as: .fullNoText, resolver: resolver)
        #expect(noText["title"] == nil && noText["description"] == nil)
        #expect(noText["properties"]?["title"] == ["type": "string"], "a field named title stays; its own title goes")
        #expect(noText["properties"]?["_id"]?["title"] == nil)
        let descriptions = try XDMSchemaRendering.render(schema, as: .fullDescriptions, resolver: resolver)
        #expect(descriptions["title"] == nil && descriptions["description"] == "d")
        let plainNoText = try XDMSchemaRendering.render(schema, as: .noText, resolver: resolver)
        #expect(plainNoText["allOf"] != nil && plainNoText["title"] == nil)
    }

    @Test func identifiers() {
        #expect(XDMResourceID.tenantResourceID(tenantID: "acme", localID: "719c") == "https://ns.adobe.com/acme/schemas/719c")
        #expect(XDMResourceID.altID(for: "https://ns.adobe.com/acme/schemas/719c") == "_acme.schemas.719c")
        #expect(XDMResourceID.altID(for: "https://ns.adobe.com/xdm/context/profile") == "_xdm.context.profile")
        #expect(XDMResourceID.tenantNamespace(tenantID: "acme") == "_acme")
    }
}
