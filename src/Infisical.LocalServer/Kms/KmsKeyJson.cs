using System.Text.Json.Nodes;

namespace Infisical.LocalServer;

/// <summary>The key object of the KMS routes' response schema (material never included).</summary>
internal static class KmsKeyJson
{
    /// <summary>
    /// Current servers send the documented fields; the 2024 server predates signing keys and KMIP, so it had no
    /// <c>keyUsage</c> or <c>kmipMetadata</c> (and still sent <c>isReserved</c>).
    /// </summary>
    public static JsonObject From(KmsKeyRecord key, bool legacy)
    {
        var json = new JsonObject
        {
            ["id"] = key.Id,
            ["orgId"] = key.OrgId,
            ["projectId"] = key.ProjectId,
            ["name"] = key.Name,
            ["description"] = key.Description,
            ["isDisabled"] = key.IsDisabled,
        };
        if (legacy)
        {
            json["isReserved"] = false;
        }
        else
        {
            json["keyUsage"] = key.KeyUsage;
        }

        json["encryptionAlgorithm"] = key.EncryptionAlgorithm;
        json["version"] = key.Version;
        if (!legacy)
        {
            json["kmipMetadata"] = null;
        }

        json["createdAt"] = ServerClock.Iso(key.CreatedAt);
        json["updatedAt"] = ServerClock.Iso(key.UpdatedAt);
        return json;
    }
}
