using System.Linq;
using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>Which response schema a secret object is filtered through (each route adds different fields: docs/infisical-api-notes.md, "The secret object").</summary>
internal enum SecretShape
{
    /// <summary>Create: the bare <c>secretRawSchema</c>.</summary>
    Raw,

    /// <summary>Update and delete: raw plus <c>secretValueHidden</c>.</summary>
    RawWithHidden,

    /// <summary>List and get by name: raw plus <c>secretPath</c>, <c>secretValueHidden</c>, <c>secretMetadata</c>, <c>tags</c>.</summary>
    Full,

    /// <summary>Get by name: like <see cref="Full"/>; differs only in 2024 mode (tags, no secretPath).</summary>
    FullGet,

    /// <summary>Get by id: raw plus <c>secretPath</c>, <c>tags</c>, <c>secretMetadata</c> (no <c>secretValueHidden</c>).</summary>
    ById,

    /// <summary>Inside <c>imports[].secrets</c>: no timestamps.</summary>
    Imported,
}

/// <summary>Builds secret objects with exactly the fields a route's schema lets through. Call under the state lock.</summary>
internal static class SecretJson
{
    /// <summary>The value sent when a caller asked not to see values.</summary>
    public const string HiddenValue = "<hidden-by-infisical>";

    /// <summary>Serializes a secret. <paramref name="value"/> is the value to send (already expanded or masked).</summary>
    public static JsonObject Build(
        ServerState state, Project project, string environment, string path, SecretRecord secret, SecretShape shape,
        string value, bool hidden, SecretVersion? version = null)
    {
        var legacy = state.Compatibility == CompatibilityLevel.Legacy2024;
        var obj = new JsonObject
        {
            ["id"] = secret.Id,
            ["_id"] = secret.Id,
            ["workspace"] = project.Id,
            ["environment"] = environment,
            ["version"] = version?.Version ?? secret.Version,
            ["type"] = secret.Type,
            ["secretKey"] = version?.Key ?? secret.Key,
            ["secretValue"] = value,
            ["secretComment"] = version?.Comment ?? secret.Comment,
        };
        if (legacy)
        {
            // The 2024 server sent no timestamps and none of the newer fields (docs/infisical-api-notes.md, "Older self-hosted servers (2024-07)").
            if (shape is SecretShape.Full or SecretShape.ById)
            {
                obj["secretPath"] = path;
            }

            if (shape == SecretShape.FullGet && version == null)
            {
                obj["tags"] = Tags(project, secret);
            }

            return obj;
        }

        obj["secretReminderNote"] = secret.ReminderNote;
        obj["secretReminderRepeatDays"] = secret.ReminderRepeatDays;
        obj["skipMultilineEncoding"] = secret.SkipMultilineEncoding;
        if (shape != SecretShape.Imported)
        {
            obj["createdAt"] = ServerClock.Iso(secret.CreatedAt);
            obj["updatedAt"] = ServerClock.Iso(version?.At ?? secret.UpdatedAt);
        }

        obj["actor"] = Actor(state, secret);
        obj["isRotatedSecret"] = false;
        obj["rotationId"] = null;
        switch (shape)
        {
            case SecretShape.RawWithHidden:
                obj["secretValueHidden"] = hidden;
                break;
            case SecretShape.Full:
            case SecretShape.FullGet:
                obj["secretPath"] = path;
                obj["secretValueHidden"] = hidden;
                obj["secretMetadata"] = Metadata(secret);
                obj["tags"] = Tags(project, secret);
                break;
            case SecretShape.ById:
                obj["secretPath"] = path;
                obj["tags"] = Tags(project, secret);
                obj["secretMetadata"] = Metadata(secret);
                break;
            case SecretShape.Imported:
                obj["secretValueHidden"] = hidden;
                obj["secretMetadata"] = Metadata(secret);
                break;
        }

        return obj;
    }

    /// <summary>Tag objects of a secret.</summary>
    public static JsonArray Tags(Project project, SecretRecord secret) => new(secret.TagIds
        .Select(id => project.Tags.FirstOrDefault(t => t.Id == id))
        .Where(t => t != null)
        .Select(t => (JsonNode?)new JsonObject { ["id"] = t!.Id, ["slug"] = t.Slug, ["name"] = t.Name, ["color"] = t.Color })
        .ToArray());

    private static JsonArray Metadata(SecretRecord secret) => new(secret.Metadata
        .Select(m => (JsonNode?)new JsonObject { ["key"] = m.Key, ["value"] = m.Value, ["isEncrypted"] = m.IsEncrypted })
        .ToArray());

    private static JsonObject? Actor(ServerState state, SecretRecord secret)
    {
        var identity = state.FindIdentity(secret.ActorIdentityId);
        return identity == null ? null : new JsonObject
        {
            ["actorId"] = identity.Id,
            ["actorType"] = "identity",
            ["name"] = identity.Name,
            ["membershipId"] = null,
            ["groupId"] = null,
        };
    }
}
