using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using CsCheck;

namespace Infisical.Client.Tests.Fuzz;

/// <summary>
/// Server answers are untrusted input. Whatever status, headers and body arrive (valid answers mutated, truncated,
/// padded with odd JSON, or network failures), a call either succeeds or throws an <see cref="InfisicalException"/>,
/// and no credential the client holds appears in its message.
/// </summary>
public sealed class ResponseFuzzTests
{
    private const string StaticToken = "fuzz-static-token-0123456789";
    private const string ClientSecret = "fuzz-client-secret-0123456789";

    private static readonly string[] Templates =
    {
        """{"secrets":[{"id":"1","secretKey":"A","secretValue":"a","version":1,"type":"shared","environment":"dev","secretPath":"/","tags":[]}],"imports":[{"secretPath":"/","environment":"shared","folderId":"f","secrets":[{"secretKey":"B","secretValue":"b"}]}]}""",
        """{"secret":{"id":"1","secretKey":"A","secretValue":"a","version":1,"secretComment":"","tags":[{"slug":"t"}],"secretMetadata":[]}}""",
        """{"accessToken":"eyJhbGciOiJIUzI1NiJ9.e30.x","expiresIn":7200,"accessTokenMaxTTL":86400,"tokenType":"Bearer"}""",
        """{"reqId":"req-abcdefghijklmn","statusCode":403,"message":"token FUZZTOKEN is bad","error":"TokenError"}""",
        """{"statusCode":422,"message":[{"code":"invalid_type","path":["secretPath"],"message":"Required FUZZSECRET"}],"error":"ValidationFailure"}""",
        """{"statusCode":404,"message":"Route GET:/x not found","error":"Not Found"}""",
        "<html><body>Bad gateway FUZZTOKEN</body></html>",
        "",
    };

    private static readonly string[] Fragments =
    {
        "null", "[]", "{}", "\"\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "1e999", "-0", "true", "\"x\"", "[[[[[[[[[[]]]]]]]]]]",
        "{\"secretValue\":null}", "{\"secrets\":null}", "\"\\u0000\"", ",", ":", "\"", "\\", "}", "]", "\uFFFD", "\"FUZZTOKEN\"",
    };

    private static readonly int[] Statuses = { 200, 200, 200, 201, 204, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 408, 422, 429, 500, 502, 503, 504 };

    private static readonly string[] HeaderValues = { "1", "0", "-1", "abc", "99999999999999", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", "" };

    private static readonly string[] Locations = { "/same/place", "http://127.0.0.1:1/x", "http://127.0.0.1:2/x", "https://127.0.0.1:1/", "//elsewhere.example/x", "mailto:a@b", "?q=1", "" };

    /// <summary>A body: a template with a few random edits (cut, insert a fragment or a random string, flip a char).</summary>
    private static readonly Gen<string> Body =
        Gen.Select(Gen.Int[0, Templates.Length - 1], Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.String[0, 12])
            .Select(t =>
            {
                var (template, edits, seed, noise) = t;
                var random = new Random(seed);
                var body = Templates[template].Replace("FUZZTOKEN", StaticToken).Replace("FUZZSECRET", ClientSecret);
                for (var i = 0; i < edits; i++)
                {
                    var at = body.Length == 0 ? 0 : random.Next(body.Length + 1);
                    body = random.Next(4) switch
                    {
                        0 => body[..at],
                        1 => body.Insert(at, Fragments[random.Next(Fragments.Length)]),
                        2 => body.Insert(at, noise),
                        _ => at < body.Length ? body.Remove(at, 1).Insert(at, ((char)random.Next(32, 127)).ToString()) : body,
                    };
                }

                return body;
            });

    private sealed record Answer(int Status, string Body, string? ContentType, string? RetryAfter, string? RateLimitReset, string? Location, int NetworkFailure);

    private static readonly Gen<Answer> Answers =
        Gen.Select(
                Gen.Frequency((9, Gen.OneOf(Statuses)), (1, Gen.Int[100, 599])),
                Body,
                Gen.OneOf<string?>("application/json", "text/html", null, "application/json; charset=utf-16"),
                Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf<string?>(HeaderValues))),
                Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf<string?>(HeaderValues))),
                Gen.OneOf<string?>(Locations.Append(null).ToArray()),
                Gen.Frequency((9, Gen.Const(0)), (1, Gen.Int[1, 4])))
            .Select(t => new Answer(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    [Fact]
    public async Task Any_answer_to_any_call_is_success_or_a_typed_InfisicalException_without_credentials()
    {
        await Gen.Select(Gen.Int[0, 4], Answers, Gen.Int[0, 2])
            .SampleAsync(
                async t =>
                {
                    var (operation, answer, retries) = t;
                    var stub = new StubHandler(_ => Respond(answer));
                    using var http = new HttpClient(stub);
                    using var client = new InfisicalClient(new InfisicalClientOptions
                    {
                        Host = "http://127.0.0.1:1",
                        HttpClient = http,
                        Token = operation == 0 ? null : StaticToken,
                        CacheTtl = operation == 4 ? TimeSpan.FromMinutes(1) : null,
                        MaxRetries = retries,
                        TimeProvider = new TestClock(() => DateTimeOffset.UtcNow, _ => { }),
                    });

                    var error = await Record.ExceptionAsync(() => Call(client, operation));

                    if (error != null)
                    {
                        Assert.IsAssignableFrom<InfisicalException>(error);
                        // Only what this client held: the login's secret for a login, the configured token otherwise.
                        var held = operation == 0 ? ClientSecret : StaticToken;
                        Assert.DoesNotContain(held, error.Message);
                        if (error is InfisicalApiException api)
                        {
                            Assert.DoesNotContain(held, string.Join("\n", api.Messages));
                        }
                    }
                },
                iter: FuzzBudget.Iterations(400),
                threads: 1);
    }

    [Fact]
    public void A_list_answer_is_never_read_as_fewer_secrets_than_it_names()
    {
        // Mutations of a good list either fail typed or give exactly the secrets whose values are present.
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3]).Sample(t =>
        {
            var (own, withoutValue) = t;
            var secrets = Enumerable.Range(0, own).Select(i => i < withoutValue
                ? $$"""{"secretKey":"K{{i}}"}"""
                : $$"""{"secretKey":"K{{i}}","secretValue":"v{{i}}"}""");
            var body = $$"""{"secrets":[{{string.Join(",", secrets)}}]}""";
            var stub = new StubHandler(_ => Respond(new Answer(200, body, "application/json", null, null, null, 0)));
            using var http = new HttpClient(stub);
            using var client = new InfisicalClient(new InfisicalClientOptions { Host = "http://127.0.0.1:1", HttpClient = http, Token = StaticToken, CacheTtl = null });

            var error = Record.Exception(() => client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = "p", EnvironmentSlug = "dev" }).GetAwaiter().GetResult());

            if (Math.Min(withoutValue, own) > 0)
            {
                Assert.IsType<InfisicalResponseException>(error);
            }
            else
            {
                Assert.Null(error);
            }
        }, iter: FuzzBudget.Iterations(50), threads: 1);
    }

    private static Task Call(InfisicalClient client, int operation) => operation switch
    {
        0 => client.Auth.UniversalAuth.LoginAsync("fuzz-client-id", ClientSecret),
        1 or 4 => client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = "p", EnvironmentSlug = "dev", IncludeImports = true }),
        2 => client.Secrets.GetByNameAsync(new GetSecretOptions { ProjectId = "p", EnvironmentSlug = "dev", SecretName = "A" }),
        _ => client.Auth.RenewTokenAsync(),
    };

    private static HttpResponseMessage Respond(Answer answer)
    {
        switch (answer.NetworkFailure)
        {
            case 1:
                throw new HttpRequestException("An error occurred while sending the request.", (Exception)new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
            case 2:
                throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            case 3:
                throw new HttpRequestException("The SSL connection could not be established, see inner exception.", new System.Security.Authentication.AuthenticationException("The remote certificate is invalid: UntrustedRoot"));
            case 4:
                throw new HttpRequestException("Error while copying content to a stream.", (Exception)new IOException("The response ended prematurely."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(answer.Body)) };
        if (answer.ContentType != null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        }

        if (answer.RetryAfter != null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", answer.RetryAfter);
        }

        if (answer.RateLimitReset != null)
        {
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset", answer.RateLimitReset);
        }

        if (answer.Location != null)
        {
            response.Headers.TryAddWithoutValidation("Location", answer.Location);
        }

        return response;
    }
}
