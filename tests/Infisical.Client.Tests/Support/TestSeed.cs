namespace Infisical.Client.Tests.Support;

/// <summary>
/// The default seed every client test starts from: one Universal Auth identity, one project with dev/prod,
/// folders, odd names, an import chain and a second identity with a short token lifetime.
/// </summary>
public static class TestSeed
{
    public const string IdentityId = "7b1f3c52-1d2e-4a55-9a0e-2f1c3d4e5f60";
    public const string ClientId = "ua-client-id-0001";
    public const string ClientSecret = "ua-client-secret-0001";

    /// <summary>Identity whose tokens live 60 s and may be renewed up to 150 s after login.</summary>
    public const string ShortIdentityId = "9c2e4d63-2e3f-4b66-8b1f-3a2d4e5f6071";
    public const string ShortClientId = "ua-short-client";
    public const string ShortClientSecret = "ua-short-secret";
    public const int ShortTtlSeconds = 60;
    public const int ShortMaxTtlSeconds = 150;

    public const string ProjectId = "0a5e1c2d-3b4f-4a6e-8c7d-9e0f1a2b3c4d";
    public const string ProjectSlug = "demo";

    /// <summary>A secret name needing percent-encoding: space, '%', '#', '?', '+', '&amp;' and non-ASCII.</summary>
    public const string OddName = "odd name%#?+&é";

    /// <summary>prod:/locked is covered by a change-approval policy: writes there answer with an approval request.</summary>
    public const string LockedPath = "/locked";

    public static string Json => """
    {
      "identities": [
        { "id": "7b1f3c52-1d2e-4a55-9a0e-2f1c3d4e5f60", "name": "ci-bot",
          "clientId": "ua-client-id-0001", "clientSecret": "ua-client-secret-0001" },
        { "id": "9c2e4d63-2e3f-4b66-8b1f-3a2d4e5f6071", "name": "short-lived",
          "clientId": "ua-short-client", "clientSecret": "ua-short-secret",
          "accessTokenTTL": 60, "accessTokenMaxTTL": 150 }
      ],
      "projects": [
        {
          "id": "0a5e1c2d-3b4f-4a6e-8c7d-9e0f1a2b3c4d", "slug": "demo", "name": "Demo",
          "environments": [ "dev", "prod", "shared" ],
          "tags": [ { "slug": "backend", "name": "backend" }, { "slug": "frontend", "name": "frontend" } ],
          "folders": [ { "environment": "dev", "path": "/app/db" } ],
          "secrets": [
            { "environment": "dev", "path": "/", "key": "DB_PASSWORD", "value": "dev-db-pass", "tags": [ "backend" ] },
            { "environment": "dev", "path": "/", "key": "API_URL", "value": "https://dev.example" , "tags": [ "frontend" ] },
            { "environment": "dev", "path": "/", "key": "DB_URL", "value": "postgres://u:${DB_PASSWORD}@db" },
            { "environment": "dev", "path": "/", "key": "odd name%#?+&é", "value": "odd-value" },
            { "environment": "dev", "path": "/app", "key": "APP_KEY", "value": "app-key-value" },
            { "environment": "dev", "path": "/app/db", "key": "DB_HOST", "value": "db.internal" },
            { "environment": "prod", "path": "/", "key": "DB_PASSWORD", "value": "prod-db-pass" },
            { "environment": "prod", "path": "/locked", "key": "LOCKED_KEY", "value": "locked-value" },
            { "environment": "shared", "path": "/", "key": "SHARED_ONE", "value": "from-shared-root" },
            { "environment": "shared", "path": "/", "key": "OVERLAP", "value": "from-shared-root" },
            { "environment": "shared", "path": "/", "key": "API_URL", "value": "from-shared-root" },
            { "environment": "shared", "path": "/more", "key": "OVERLAP", "value": "from-shared-more" },
            { "environment": "shared", "path": "/more", "key": "MORE_ONLY", "value": "from-shared-more" }
          ],
          "imports": [
            { "environment": "dev", "path": "/", "fromEnvironment": "shared", "fromPath": "/" },
            { "environment": "dev", "path": "/", "fromEnvironment": "shared", "fromPath": "/more" }
          ],
          "approvalPolicies": [ { "environment": "prod", "secretPath": "/locked" } ]
        }
      ]
    }
    """;
}
