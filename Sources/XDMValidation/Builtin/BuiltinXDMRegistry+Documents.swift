import BatchyardCore

extension BuiltinXDMRegistry {
    static let classes: [BuiltinXDMResource] = {
        typealias B = XDMSchemaBuilder
        let profile = BuiltinXDMResource(
            kind: .class, id: profileClassID, title: "XDM Individual Profile",
            description: "A singular representation of the attributes and interests of an identified or partially identified person.",
            body: [
                "meta:extends": ["https://ns.adobe.com/xdm/data/record"],
                "properties": [
                    "_id": B.string("Identifier"),
                    "_repo": B.object(
                        "Repository", ["createDate": B.dateTime("Create date"), "modifyDate": B.dateTime("Modify date")]),
                    "personID": B.string("Person ID"),
                    "createdByBatchID": B.string("Created by batch", ["format": "uri-reference"]),
                    "modifiedByBatchID": B.string("Modified by batch", ["format": "uri-reference"]),
                    "repositoryCreatedBy": B.string("Created by user"),
                    "repositoryLastModifiedBy": B.string("Modified by user"),
                ],
            ])
        let event = BuiltinXDMResource(
            kind: .class, id: experienceEventClassID, title: "XDM ExperienceEvent",
            description: "A time-series record of an event, such as a web page view or a purchase.",
            body: [
                "meta:extends": ["https://ns.adobe.com/xdm/data/time-series"],
                "properties": [
                    "_id": B.string("Identifier"),
                    "timestamp": B.dateTime("Timestamp"),
                    "eventType": B.string("Event type"),
                    "eventMergeId": B.string("Event merge ID"),
                    "producedBy": B.string("Produced by"),
                    "identityMap": identityMap,
                ],
                "required": ["_id", "timestamp"],
            ])
        return [profile, event]
    }()

    static let fieldGroups: [BuiltinXDMResource] = {
        typealias B = XDMSchemaBuilder
        let identity = BuiltinXDMResource(
            kind: .fieldGroup, id: "https://ns.adobe.com/xdm/context/identitymap", title: "IdentityMap",
            description: "Identities of the profile, by namespace.",
            body: B.fieldGroup(
                definition: "identitymap", intendedToExtend: [profileClassID],
                properties: ["identityMap": identityMap]))
        let demographic = BuiltinXDMResource(
            kind: .fieldGroup, id: "https://ns.adobe.com/xdm/context/profile-person-details",
            title: "Demographic Details", description: "Name, birth date and gender of the person.",
            body: B.fieldGroup(
                definition: "profile-person-details", intendedToExtend: [profileClassID],
                properties: ["person": B.reference(personID, "Person")]))
        let contact = BuiltinXDMResource(
            kind: .fieldGroup, id: "https://ns.adobe.com/xdm/context/profile-personal-details",
            title: "Personal Contact Details", description: "Home address, personal e-mail and phones.",
            body: B.fieldGroup(
                definition: "profile-personal-details", intendedToExtend: [profileClassID],
                properties: [
                    "homeAddress": B.reference(addressID, "Home address"),
                    "personalEmail": B.reference(emailAddressID, "Personal e-mail"),
                    "mobilePhone": B.reference(phoneNumberID, "Mobile phone"),
                    "homePhone": B.reference(phoneNumberID, "Home phone"),
                ]))
        let web = BuiltinXDMResource(
            kind: .fieldGroup, id: "https://ns.adobe.com/xdm/context/experienceevent-web", title: "Web Details",
            description: "The page and referrer of a web interaction.",
            body: B.fieldGroup(
                definition: "experienceevent-web", intendedToExtend: [experienceEventClassID],
                properties: [
                    "web": B.object(
                        "Web",
                        [
                            "webPageDetails": B.object(
                                "Page",
                                [
                                    "name": B.string("Name"), "URL": B.string("URL", ["format": "uri"]),
                                    "siteSection": B.string("Site section"),
                                    "pageViews": B.object("Page views", ["value": B.number("Value")]),
                                ]),
                            "webReferrer": B.object(
                                "Referrer",
                                [
                                    "URL": B.string("URL", ["format": "uri"]),
                                    "type": B.enumeration("Type", ["internal", "external", "search_engine", "email", "social", "unknown"]),
                                ]),
                        ])
                ]))
        let product = B.object(
            "Product",
            [
                "SKU": B.string("SKU"), "name": B.string("Name"), "quantity": B.integer("Quantity", .int),
                "priceTotal": B.number("Price total"),
                "currencyCode": B.string("Currency code", ["pattern": "^[A-Z]{3}$"]),
            ])
        let commerce = BuiltinXDMResource(
            kind: .fieldGroup, id: "https://ns.adobe.com/xdm/context/experienceevent-commerce",
            title: "Commerce Details", description: "Orders, purchases and product interactions.",
            body: B.fieldGroup(
                definition: "experienceevent-commerce", intendedToExtend: [experienceEventClassID],
                properties: [
                    "commerce": B.object(
                        "Commerce",
                        [
                            "order": B.object(
                                "Order",
                                [
                                    "purchaseID": B.string("Purchase ID"), "priceTotal": B.number("Price total"),
                                    "currencyCode": B.string("Currency code", ["pattern": "^[A-Z]{3}$"]),
                                ]),
                            "purchases": B.object("Purchases", ["value": B.number("Value")]),
                            "productViews": B.object("Product views", ["value": B.number("Value")]),
                            "productListAdds": B.object("Cart adds", ["value": B.number("Value")]),
                        ]),
                    "productListItems": B.array("Product list items", of: product),
                ]))
        return [identity, demographic, contact, web, commerce]
    }()
}
