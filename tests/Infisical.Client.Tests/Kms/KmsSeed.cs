namespace Infisical.Client.Tests.Kms;

/// <summary>A project with seeded KMS keys (one with known material, one disabled) and a Universal Auth identity.</summary>
public static class KmsSeed
{
    public const string ProjectId = "c3000000-0000-4000-8000-000000000001";
    public const string OtherProjectId = "c3000000-0000-4000-8000-000000000002";
    public const string KnownKeyId = "d4000000-0000-4000-8000-000000000001";
    public const string DisabledKeyId = "d4000000-0000-4000-8000-000000000002";
    public const string ClientId = "kms-client";
    public const string ClientSecret = "kms-secret";

    /// <summary>The seeded AES-256 key material, so tests can decrypt the server's ciphertext independently.</summary>
    public static readonly byte[] KnownKeyMaterial = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public static string Json => $$"""
    {
      "identities": [ { "id": "c3000000-0000-4000-8000-0000000000aa", "name": "kms-bot", "clientId": "{{ClientId}}", "clientSecret": "{{ClientSecret}}" } ],
      "projects": [
        { "id": "{{ProjectId}}", "slug": "kms", "name": "KMS", "environments": [ "dev" ],
          "kmsKeys": [
            { "id": "{{KnownKeyId}}", "name": "known", "description": "seeded", "encryptionAlgorithm": "aes-256-gcm",
              "keyMaterial": "{{Convert.ToBase64String(KnownKeyMaterial)}}" },
            { "id": "{{DisabledKeyId}}", "name": "disabled-key", "isDisabled": true },
            { "name": "alpha" }, { "name": "beta-app" }, { "name": "gamma-app" }
          ] },
        { "id": "{{OtherProjectId}}", "slug": "other", "name": "Other", "environments": [ "dev" ],
          "kmsKeys": [ { "name": "alpha" } ] }
      ]
    }
    """;

    /// <summary>A server started with <see cref="Json"/>; log in with <see cref="LoginAsync"/>.</summary>
    public static Task<LocalServerHarness> StartAsync(CompatibilityLevel level = CompatibilityLevel.Current) =>
        LocalServerHarness.StartAsync(level, Json);

    /// <summary>A client logged in as the seed's identity, which may use every key in <see cref="ProjectId"/>.</summary>
    public static Task<InfisicalClient> LoginAsync(LocalServerHarness harness, Action<InfisicalClientOptions>? configure = null) =>
        harness.LoginAsync(configure, ClientId, ClientSecret);
}
