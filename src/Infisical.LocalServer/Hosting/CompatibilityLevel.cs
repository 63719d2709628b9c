namespace Infisical.LocalServer;

/// <summary>Which generation of the real Infisical server the local server imitates.</summary>
public enum CompatibilityLevel
{
    /// <summary>Current servers (2025–26 code): 401/403/404/422 split, <c>reqId</c> in errors, new token on renew.</summary>
    Current = 0,

    /// <summary>
    /// A self-hosted server built from upstream main of 2024-07 (docs/infisical-api-notes.md): every auth failure is 403,
    /// validation is 403, missing secrets are 400, no <c>reqId</c>, renew returns the same token, JWT <c>exp</c> = max TTL,
    /// no renames or comments on update, no KMS.
    /// </summary>
    Legacy2024 = 1,
}
