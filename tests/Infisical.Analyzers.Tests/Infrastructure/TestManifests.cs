namespace Infisical.Analyzers.Tests.Infrastructure;

/// <summary>Names manifests in the format of docs/architecture.md.</summary>
internal static class TestManifests
{
    /// <summary>Where the build writes the manifest (the analyzer only cares about the file name).</summary>
    public const string Path = "/0/obj/Debug/net8.0/infisical/infisical.manifest.json";

    public const string Default = """
        {
          "schemaVersion": 1,
          "host": "https://app.infisical.com",
          "projectId": "6b1e0c3a-proj",
          "projectSlug": "demo",
          "environment": "dev",
          "secretPath": "/",
          "recursive": false,
          "secrets": [
            { "name": "DB_PASSWORD", "path": "/" },
            { "name": "STRIPE_API_KEY", "path": "/" },
            { "name": "SMTP_PASSWORD", "path": "/" },
            { "name": "ConnectionStrings__Db", "path": "/" },
            { "name": "Identity__Url", "path": "/" },
            { "name": "Identity__ClientSecret", "path": "/" },
            { "name": "Payments__Provider__ApiKey", "path": "/" }
          ]
        }
        """;

    /// <summary>A manifest listing exactly the given names, at path "/" of demo/dev.</summary>
    public static string With(params string[] names)
    {
        var items = string.Join(",", System.Array.ConvertAll(names, n => $"{{ \"name\": \"{n}\", \"path\": \"/\" }}"));
        return $$"""{ "schemaVersion": 1, "projectSlug": "demo", "environment": "dev", "secretPath": "/", "secrets": [ {{items}} ] }""";
    }
}
