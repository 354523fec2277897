import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("Built-in XDM resources")
struct BuiltinXDMRegistryTests {
    let registry = BuiltinXDMRegistry.standard

    @Test func listsClassesFieldGroupsAndDataTypes() {
        #expect(registry.resources(of: .class).map(\.id) == [
            "https://ns.adobe.com/xdm/context/profile", "https://ns.adobe.com/xdm/context/experienceevent",
        ])
        #expect(registry.resources(of: .fieldGroup).count >= 4)
        #expect(registry.resources(of: .dataType).count >= 4)
        #expect(Set(registry.resources.map(\.id)).count == registry.resources.count)
    }

    @Test func findsByIDAndAltID() throws {
        let profile = try #require(registry.resource(id: "_xdm.context.profile"))
        #expect(profile.id == "https://ns.adobe.com/xdm/context/profile")
        #expect(profile.document["meta:altId"] == "_xdm.context.profile")
        #expect(profile.document["meta:resourceType"] == "classes")
        #expect(registry.resource(id: "https://ns.adobe.com/xdm/context/identitymap")?.kind == .fieldGroup)
        #expect(registry.resource(id: "https://ns.adobe.com/xdm/context/nope") == nil)
    }

    @Test(arguments: BuiltinXDMRegistry.standard.resources)
    func everyResourceResolvesAndCompiles(_ resource: BuiltinXDMResource) throws {
        let resolved = try XDMSchemaResolver { _ in nil }.resolve(resource.document)
        _ = try RecordValidator(resolvedSchema: resolved)
    }

    @Test func experienceEventRequiresIDAndTimestamp() throws {
        let validator = try makeValidator(#"{"type": "object", "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/experienceevent"}]}"#)
        let errors = validator.validate(["eventType": "web.webpagedetails.pageViews"]).errors
        #expect(Set(errors.map(\.path)) == ["/_id", "/timestamp"])
        #expect(errors.allSatisfy { $0.family == .missingRequired })
        let event = json(
            #"{"_id": "e1", "timestamp": "2024-03-01T10:00:00Z", "identityMap": {"ECID": [{"id": "123", "authenticatedState": "ambiguous", "primary": true}]}}"#)
        #expect(validator.validate(event).record?["timestamp"] == 1_709_287_200_000)
    }

    @Test func identityMapIsAMapOfArraysOfObjects() throws {
        let validator = try makeValidator(#"{"type": "object", "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/experienceevent"}]}"#)
        let record = json(
            #"{"_id": "e1", "timestamp": 0, "identityMap": {"ECID": [{"id": "1"}], "Email": [{"id": "a@b.c"}, {"id": "x", "authenticatedState": "sometimes"}]}}"#)
        let error = try #require(singleError(validator.validate(record)))
        #expect(error.path == "/identityMap/Email/1/authenticatedState")
        #expect(error.rule == .enum)
    }

    @Test func commerceFieldGroupHasArraysOfProducts() throws {
        let validator = try makeValidator(
            #"{"type": "object", "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/experienceevent"}, {"$ref": "https://ns.adobe.com/xdm/context/experienceevent-commerce"}, {"$ref": "https://ns.adobe.com/xdm/context/experienceevent-web"}]}"#)
        let record = json(
            #"{"_id": "e1", "timestamp": 1, "productListItems": [{"SKU": "a", "quantity": 2}, {"SKU": "b", "quantity": "x"}], "web": {"webPageDetails": {"URL": "https://shop.example/p"}}}"#)
        #expect(validator.validate(record).errors.map(\.path) == ["/productListItems/1/quantity"])
    }
}
