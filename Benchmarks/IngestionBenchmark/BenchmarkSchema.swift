import BatchyardCore
import XDMValidation

/// The XDM schema the generated records conform to: ExperienceEvent with the built-in web and
/// commerce field groups, plus a tenant field group for `_acme.loyalty`. With it the pipeline
/// validates every record and writes the nested lake schema (groups, lists, maps).
enum BenchmarkSchema {
    /// The tenant field group's `$id` here; the server's registry assigns its own.
    static let tenantFieldGroupID = "https://ns.adobe.com/acme/mixins/loyalty"

    static let tenantFieldGroup = """
        {"$id": "https://ns.adobe.com/acme/mixins/loyalty", "type": "object", "definitions": {"acme": {"properties": {
          "_acme": {"type": "object", "properties": {
            "loyalty": {"type": "object", "properties": {
              "tier": {"type": "string", "enum": ["gold", "silver", "bronze"]},
              "points": {"type": "integer", "minimum": 0, "maximum": 2147483647}}}}}}}},
         "allOf": [{"$ref": "#/definitions/acme"}]}
        """

    static let schema = """
        {"$id": "https://ns.adobe.com/acme/schemas/ingest-bench", "type": "object", "allOf": [
          {"$ref": "https://ns.adobe.com/xdm/context/experienceevent"},
          {"$ref": "https://ns.adobe.com/xdm/context/experienceevent-web"},
          {"$ref": "https://ns.adobe.com/xdm/context/experienceevent-commerce"},
          {"$ref": "https://ns.adobe.com/acme/mixins/loyalty"}]}
        """

    static func validator() throws -> RecordValidator {
        let lookup: @Sendable (String) -> JSONValue? = { id in
            id == tenantFieldGroupID ? try? JSONValue(parsing: tenantFieldGroup) : nil
        }
        return try RecordValidator(schema: XDMSchemaResolver(lookup: lookup).compile(try JSONValue(parsing: schema)))
    }
}
