using Microsoft.AspNetCore.Http;

namespace Infisical.LocalServer;

/// <summary>The value-display query flags that list and get-by-name both take, read in the real server's order.</summary>
internal static class SecretReadFlags
{
    /// <summary>Reads <c>viewSecretValue</c> (default true) then <c>expandSecretReferences</c> (default false).</summary>
    public static (bool ViewValue, bool Expand) Read(ApiErrors errors, InputReader input, IQueryCollection query) =>
        // The 2024 server had no viewSecretValue parameter: zod stripped it unvalidated and values were always shown.
        (errors.IsLegacy || input.QueryBool(query, "viewSecretValue", true), input.QueryBool(query, "expandSecretReferences", false));
}
