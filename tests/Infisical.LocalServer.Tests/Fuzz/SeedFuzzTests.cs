using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace Infisical.LocalServer.Tests.Fuzz;

/// <summary>
/// Seed files and request bodies are untrusted input. Mutated seeds either load or fail with <see cref="SeedException"/>;
/// mutated JSON bodies get an answer, never the crash guard's 500. Iterations are small by default; set <c>INFISICAL_FUZZ_ITERATIONS</c>
/// to run longer.
/// </summary>
public sealed class SeedFuzzTests
{
    private static readonly string[] Fragments =
    {
        "null", "[]", "{}", "\"\"", "\"\\ud800\"", "\"a\\udfffb\"", "\"\\ud83d\\ude00\"", "1e999", "-1", "0.5", "true", "\"x\"",
        "[[[[[[]]]]]]", "{\"environment\":\"dev\"}", "\"\\u0000\"", ",", ":", "\"", "}", "]", "{\"\\ud800\":1}",
        "\"00000000-0000-0000-0000-000000000000\"", "\"/a/../b\"", "\"dev\"",
    };

    /// <summary>The local server tests' default seed with a few random edits.</summary>
    private static readonly Gen<string> Seeds =
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, int.MaxValue], Gen.String[0, 8]).Select(t =>
        {
            var (edits, seed, noise) = t;
            var random = new Random(seed);
            var json = Harness.DefaultSeed;
            for (var i = 0; i < edits; i++)
            {
                var at = random.Next(json.Length + 1);
                json = random.Next(5) switch
                {
                    0 => json[..at],
                    1 => json.Insert(at, Fragments[random.Next(Fragments.Length)]),
                    2 => json.Insert(at, noise),
                    3 => ReplaceValueAt(json, at, Fragments[random.Next(Fragments.Length)]),
                    _ => at < json.Length ? json.Remove(at, 1) : json,
                };
            }

            return json;
        });

    [Fact]
    public void A_mutated_seed_loads_or_raises_SeedException()
    {
        Seeds.Sample(json =>
        {
            var error = Record.Exception(() =>
            {
                var seed = SeedDocument.Parse(json);
                SeedLoader.ReadRateLimit(seed);
                SeedLoader.Apply(seed, new ServerState(new ServerClock(), CompatibilityLevel.Current));
            });
            Assert.True(error is null or SeedException, $"{error?.GetType().Name}: {error?.Message}");
        }, iter: Iterations(300), threads: 1);
    }

    [Fact]
    public async Task A_mutated_seed_starts_a_server_or_raises_SeedException()
    {
        // Starting for real also runs the readers of other sections (KMS keys, auth methods); fewer, as each start costs.
        await Seeds.SampleAsync(async json =>
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                await using var server = await LocalInfisicalServer.StartAsync(new LocalServerOptions { Seed = SeedDocument.Parse(json) });
            });
            Assert.True(error is null or SeedException, $"{error?.GetType().Name}: {error?.Message}");
        }, iter: Iterations(20), threads: 1);
    }

    [Theory]
    [InlineData(CompatibilityLevel.Current)]
    [InlineData(CompatibilityLevel.Legacy2024)]
    public async Task A_mutated_JSON_body_never_crashes_a_handler(CompatibilityLevel level)
    {
        await using var h = await Harness.StartAsync(level);
        var token = await h.LoginAsync();
        var templates = new[]
        {
            ("/api/v1/auth/universal-auth/login", $$"""{"clientId":"{{Harness.ClientId}}","clientSecret":"{{Harness.ClientSecret}}"}"""),
            ("/api/v3/secrets/raw/FUZZ", $$"""{"workspaceId":"{{Harness.DefaultProjectId}}","environment":"dev","secretPath":"/","secretValue":"v","secretComment":"c","tagIds":[]}"""),
            ("/api/v1/auth/token/renew", $$"""{"accessToken":"{{token}}"}"""),
        };
        await Gen.Select(Gen.Int[0, templates.Length - 1], Gen.Int[0, 3], Gen.Int[0, int.MaxValue]).SampleAsync(async t =>
        {
            var (which, edits, seed) = t;
            var random = new Random(seed);
            var (path, body) = templates[which];
            for (var i = 0; i < edits; i++)
            {
                body = ReplaceValueAt(body, random.Next(body.Length + 1), Fragments[random.Next(Fragments.Length)]);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await h.Http.SendAsync(request);
            // The 2024 server answers some token faults with a 500 on purpose ("jwt malformed"); the crash guard's
            // "Something went wrong" is the one 500 that means an unhandled exception.
            var text = await response.Content.ReadAsStringAsync();
            Assert.False(
                (int)response.StatusCode >= 500 && text.Contains("Something went wrong", StringComparison.Ordinal),
                $"{(int)response.StatusCode} for {path} {body}");
        }, iter: Iterations(150), threads: 1);
    }

    /// <summary>Replaces the JSON string or number that contains <paramref name="at"/> (or inserts when there is none).</summary>
    private static string ReplaceValueAt(string json, int at, string fragment)
    {
        var start = json.LastIndexOf(':', Math.Max(0, Math.Min(at, json.Length - 1)));
        if (start < 0)
        {
            return json.Insert(at, fragment);
        }

        var end = json.IndexOfAny(new[] { ',', '}', ']' }, start + 1);
        return end < 0 ? json.Insert(at, fragment) : json[..(start + 1)] + fragment + json[end..];
    }

    private static long Iterations(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("INFISICAL_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : byDefault;
}
