import BatchyardCore

extension BuiltinXDMRegistry {
    static let profileClassID = "https://ns.adobe.com/xdm/context/profile"
    static let experienceEventClassID = "https://ns.adobe.com/xdm/context/experienceevent"
    static let personNameID = "https://ns.adobe.com/xdm/context/person-name"
    static let addressID = "https://ns.adobe.com/xdm/common/address"
    static let emailAddressID = "https://ns.adobe.com/xdm/context/emailaddress"
    static let phoneNumberID = "https://ns.adobe.com/xdm/context/phonenumber"
    static let personID = "https://ns.adobe.com/xdm/context/person"

    /// `identityMap`: namespace code → identities in that namespace. Shared by the ExperienceEvent
    /// class and the IdentityMap field group, as in AEP.
    static let identityMap: JSONValue = XDMSchemaBuilder.map(
        "Identity Map",
        of: XDMSchemaBuilder.array(
            "Identities",
            of: XDMSchemaBuilder.object(
                "Identity",
                [
                    "id": XDMSchemaBuilder.string("Identifier"),
                    "authenticatedState": XDMSchemaBuilder.enumeration(
                        "Authenticated state", ["ambiguous", "authenticated", "loggedOut"]),
                    "primary": XDMSchemaBuilder.boolean("Primary"),
                ])))

    static let dataTypes: [BuiltinXDMResource] = {
        typealias B = XDMSchemaBuilder
        let personName = BuiltinXDMResource(
            kind: .dataType, id: personNameID, title: "Person name", description: "Full name of a person.",
            body: [
                "properties": [
                    "firstName": B.string("First name"), "middleName": B.string("Middle name"),
                    "lastName": B.string("Last name"), "fullName": B.string("Full name"),
                    "courtesyTitle": B.string("Courtesy title"), "suffix": B.string("Suffix"),
                ]
            ])
        let address = BuiltinXDMResource(
            kind: .dataType, id: addressID, title: "Postal address", description: "A postal address.",
            body: [
                "properties": [
                    "street1": B.string("Street 1"), "street2": B.string("Street 2"), "city": B.string("City"),
                    "stateProvince": B.string("State or province"), "postalCode": B.string("Postal code"),
                    "country": B.string("Country"),
                    "countryCode": B.string("Country code", ["pattern": "^[A-Z]{2}$"]),
                    "primary": B.boolean("Primary"),
                ]
            ])
        let email = BuiltinXDMResource(
            kind: .dataType, id: emailAddressID, title: "Email address", description: "An e-mail address.",
            body: [
                "properties": [
                    "address": B.string("Address", ["format": "email"]), "label": B.string("Label"),
                    "primary": B.boolean("Primary"),
                    "status": B.enumeration("Status", ["active", "incomplete", "blacklisted", "blocked"]),
                ]
            ])
        let phone = BuiltinXDMResource(
            kind: .dataType, id: phoneNumberID, title: "Phone number", description: "A telephone number.",
            body: [
                "properties": [
                    "number": B.string("Number"), "primary": B.boolean("Primary"),
                    "status": B.enumeration("Status", ["active", "incomplete", "blacklisted", "blocked"]),
                ]
            ])
        let person = BuiltinXDMResource(
            kind: .dataType, id: personID, title: "Person", description: "An individual actor, contact or owner.",
            body: [
                "properties": [
                    "name": B.reference(personNameID, "Full name"),
                    "birthDate": B.date("Birth date"),
                    "birthYear": B.integer("Birth year", .short),
                    "birthDayAndMonth": B.string("Birth day and month", ["pattern": "^[0-1][0-9]-[0-3][0-9]$"]),
                    "gender": B.enumeration("Gender", ["male", "female", "not_specified", "non_specific"]),
                ]
            ])
        return [personName, address, email, phone, person]
    }()
}
