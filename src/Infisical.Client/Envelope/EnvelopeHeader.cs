using System;

namespace Infisical.Client.Envelope;

/// <summary>Who the settings are for and which KMS key wraps their data key. Every field is authenticated.</summary>
public sealed class EnvelopeHeader
{
    /// <summary>Creates a header; every field must be 1–1024 printable ASCII characters without spaces, quotes or backslashes.</summary>
    public EnvelopeHeader(string kmsKeyId, string host, string projectId, string environment)
    {
        KmsKeyId = EnvelopeText.RequireField(kmsKeyId, nameof(kmsKeyId));
        Host = EnvelopeText.RequireField(host, nameof(host));
        ProjectId = EnvelopeText.RequireField(projectId, nameof(projectId));
        Environment = EnvelopeText.RequireField(environment, nameof(environment));
    }

    /// <summary>The Infisical KMS key id whose encrypt call wrapped the data key.</summary>
    public string KmsKeyId { get; }

    /// <summary>The Infisical host the key lives on (e.g. https://app.infisical.com).</summary>
    public string Host { get; }

    /// <summary>The project the settings came from.</summary>
    public string ProjectId { get; }

    /// <summary>The environment slug the settings came from.</summary>
    public string Environment { get; }
}

/// <summary>What a reader expects of a file; null fields are not checked. Checked before any KMS call.</summary>
public sealed class EnvelopeExpectations
{
    /// <summary>The environment slug the app runs in.</summary>
    public string? Environment { get; set; }

    /// <summary>The project id.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The host.</summary>
    public string? Host { get; set; }

    /// <summary>The KMS key id.</summary>
    public string? KmsKeyId { get; set; }
}

internal static class EnvelopeText
{
    public static string RequireField(string value, string name)
    {
        if (!IsField(value))
        {
            throw new ArgumentException(
                $"The {name} must be 1 to 1024 printable ASCII characters without spaces, quotes or backslashes.", name);
        }

        return value;
    }

    // Restricting fields to this set means the JSON needs no escaping, so the canonical layout is one template.
    public static bool IsField(string? value)
    {
        if (string.IsNullOrEmpty(value) || value!.Length > 1024)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }
}
