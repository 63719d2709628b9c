using System;
using System.Collections.Generic;
using System.Linq;
using Infisical.Build.Tests.Support;
using Infisical.LocalServer;
using Xunit;

namespace Infisical.Build.Tests.EndToEnd;

/// <summary>What the end-to-end tests read from a build's output and from the local server's request log.</summary>
internal static class BuildLog
{
    public static IEnumerable<string> Lines(string output, string text) =>
        output.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Log-ins counted by the server (every auth method's login route).</summary>
    public static int Logins(LocalInfisicalServer server) =>
        server.Controls.Requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) && r.Path.EndsWith("/login", StringComparison.Ordinal));

    /// <summary>Secret list calls, with the status each got (200, or 304 for a revalidation).</summary>
    public static List<int> Lists(LocalInfisicalServer server) =>
        server.Controls.Requests.Where(r => r.Method == "GET" && r.Path == "/api/v3/secrets/raw").Select(r => r.Status).ToList();

    /// <summary>Every request but the test-control routes.</summary>
    public static int Requests(LocalInfisicalServer server) => server.Controls.Requests.Count;

    public static void AssertNoSecretIn(string text, IReadOnlyDictionary<string, string> secrets)
    {
        Assert.DoesNotContain(Seeds.ClientSecret, text);
        foreach (var value in secrets.Values)
        {
            foreach (var piece in value.Split('\n').Select(p => p.Trim()).Append(value.Trim()).Where(p => p.Length >= 8))
            {
                Assert.False(text.Contains(piece, StringComparison.Ordinal), $"A secret value fragment of length {piece.Length} appears in the log.");
            }
        }
    }
}
