namespace Infisical.Client;

/// <summary>A feature the client relies on that a server may lack (older self-hosted servers lack several).</summary>
public enum InfisicalServerFeature
{
    /// <summary>Renaming a secret through an update (<c>newSecretName</c>).</summary>
    SecretRename,

    /// <summary>Changing a secret's comment through an update.</summary>
    SecretCommentUpdate,

    /// <summary>An update that leaves the value unchanged (sends no <c>secretValue</c>).</summary>
    SecretUpdateWithoutValue,

    /// <summary>The KMS API (<c>/api/v1/kms</c>).</summary>
    Kms,
}

/// <summary>
/// The server does not support what was asked; upgrading the server (or working around it, as the message says) is
/// the fix, retrying is not. The message says whether anything was changed; it never
/// holds a secret value or a token.
/// </summary>
public sealed class InfisicalUnsupportedFeatureException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public InfisicalUnsupportedFeatureException(InfisicalServerFeature feature, string message)
        : base(message)
    {
        Feature = feature;
    }

    /// <summary>The missing feature.</summary>
    public InfisicalServerFeature Feature { get; }
}
