using System.Text;

namespace Infisical.Benchmarks.Shared;

/// <summary>
/// The seed every benchmark and the peer comparison use: one identity, one project with folders of 10, 1,000 and
/// 10,000 secrets (settings-sized values) plus a folder for get-by-name, and one AES-256-GCM KMS key.
/// </summary>
public static class BenchSeed
{
    public const string ClientId = "bench-client-id";
    public const string ClientSecret = "bench-client-secret-not-for-production";
    public const string ProjectId = "5b0c1a52-7a3e-4f0e-9d61-2f1c8a7b9e10";
    public const string ProjectSlug = "bench";
    public const string Environment = "dev";
    public const string KmsKeyId = "8f2d6c3a-1b4e-4a9f-b7c5-3e0d9a6f1c28";
    public const string GetPath = "/get";
    public const string GetName = "GET_SECRET_7";
    public static readonly int[] ListSizes = { 10, 1000, 10000 };

    /// <summary>The folder holding <paramref name="count"/> secrets.</summary>
    public static string ListPath(int count) => "/n" + count;

    public static string Json()
    {
        var json = new StringBuilder(4 << 20);
        json.Append("{\"identities\":[{\"name\":\"bench\",\"clientId\":\"").Append(ClientId).Append("\",\"clientSecret\":\"").Append(ClientSecret).Append("\"}],");
        json.Append("\"projects\":[{\"id\":\"").Append(ProjectId).Append("\",\"slug\":\"").Append(ProjectSlug).Append("\",\"environments\":[\"").Append(Environment).Append("\"],");
        json.Append("\"kmsKeys\":[{\"id\":\"").Append(KmsKeyId).Append("\",\"name\":\"bench\",\"encryptionAlgorithm\":\"aes-256-gcm\"}],");
        json.Append("\"secrets\":[");
        var first = true;
        void Add(string path, string key, int i)
        {
            json.Append(first ? "" : ",").Append("{\"environment\":\"").Append(Environment).Append("\",\"path\":\"").Append(path)
                .Append("\",\"key\":\"").Append(key).Append("\",\"value\":\"").Append(Value(i)).Append("\"}");
            first = false;
        }

        for (var i = 0; i < 20; i++)
        {
            Add(GetPath, "GET_SECRET_" + i, i);
        }

        foreach (var size in ListSizes)
        {
            for (var i = 0; i < size; i++)
            {
                Add(ListPath(size), "Section" + (i % 50) + "__Key_" + i, i);
            }
        }

        return json.Append("]}]}").ToString();
    }

    // A connection-string-sized ASCII value, different per secret, the same on every run.
    private static string Value(int i) => "Server=db" + i + ".internal;User=app;Password=p" + ((i * 2654435761u) % 1000000007u).ToString("x8") + "Qz";
}
