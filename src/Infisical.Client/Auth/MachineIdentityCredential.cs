namespace Infisical.Client;

/// <summary>The answer of a login or renewal: a machine-identity access token and its lifetimes.</summary>
/// <param name="AccessToken">The bearer token. Treat it as a secret.</param>
/// <param name="ExpiresIn">Seconds until the token expires unless renewed (0 = does not expire).</param>
/// <param name="AccessTokenMaxTtl">Seconds after login beyond which renewal is refused (0 = no limit).</param>
/// <param name="TokenType">Always <c>Bearer</c> today.</param>
public sealed record MachineIdentityCredential(string AccessToken, long ExpiresIn, long AccessTokenMaxTtl, string TokenType)
{
    /// <summary>Describes the credential without the token, so it is safe to log.</summary>
    public override string ToString() =>
        $"MachineIdentityCredential {{ TokenType = {TokenType}, ExpiresIn = {ExpiresIn}, AccessTokenMaxTtl = {AccessTokenMaxTtl}, AccessToken = *** }}";
}
