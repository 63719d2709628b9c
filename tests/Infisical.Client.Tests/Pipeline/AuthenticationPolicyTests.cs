using System.Collections.Concurrent;
using System.Threading;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Infisical.Client.Tests.Pipeline;

public sealed class AuthenticationPolicyTests
{
    private static readonly string Rejected = Answers.ErrorBody(401, "UnauthorizedError", "Token expired");

    [Fact]
    public async Task Attaches_the_current_token_as_a_bearer_header()
    {
        var tokens = new FakeTokens("token-one-abcdef");
        var next = new ScriptedNext(Answers.Status(200));

        await next.RunAsync(Policy(tokens), Answers.Read());

        Assert.Equal("Bearer token-one-abcdef", Assert.Single(next.SentHeaders)["Authorization"]);
    }

    [Fact]
    public async Task A_rejected_token_is_replaced_once_and_the_request_resent_with_the_new_one()
    {
        var tokens = new FakeTokens("token-one-abcdef", "token-two-abcdef");
        var next = new ScriptedNext(Answers.Status(401, Rejected), Answers.Status(200));

        var message = await next.RunAsync(Policy(tokens), Answers.Read());

        Assert.Equal(HttpStatusCode.OK, message.Response!.Status);
        Assert.Equal(new[] { "token-one-abcdef" }, tokens.Reauthenticated);
        Assert.Equal(
            new[] { "Bearer token-one-abcdef", "Bearer token-two-abcdef" },
            next.SentHeaders.Select(h => h["Authorization"]));
    }

    [Fact]
    public async Task A_second_rejection_is_returned_without_another_login()
    {
        var tokens = new FakeTokens("token-one-abcdef", "token-two-abcdef", "token-three-abcdef");
        var next = new ScriptedNext(Answers.Status(401, Rejected), Answers.Status(401, Rejected));

        var message = await next.RunAsync(Policy(tokens), Answers.Read());

        Assert.Equal(HttpStatusCode.Unauthorized, message.Response!.Status);
        Assert.Single(tokens.Reauthenticated);
        Assert.Equal(2, next.Calls);
    }

    [Fact]
    public async Task A_permission_denial_is_not_a_token_problem()
    {
        var tokens = new FakeTokens("token-one-abcdef", "token-two-abcdef");
        var next = new ScriptedNext(Answers.Status(403, Answers.ErrorBody(403, "PermissionDenied", "You are not allowed")));

        await next.RunAsync(Policy(tokens), Answers.Read());

        Assert.Empty(tokens.Reauthenticated);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task Without_a_login_method_a_rejection_is_returned_as_is()
    {
        var tokens = new FakeTokens("token-one-abcdef") { CanReauthenticate = false };
        var next = new ScriptedNext(Answers.Status(401, Rejected));

        var message = await next.RunAsync(Policy(tokens), Answers.Read());

        Assert.Equal(HttpStatusCode.Unauthorized, message.Response!.Status);
        Assert.Empty(tokens.Reauthenticated);
    }

    [Fact]
    public async Task An_unauthenticated_request_carries_no_header_and_asks_for_no_token()
    {
        var tokens = new FakeTokens();
        var next = new ScriptedNext(Answers.Status(200));

        await next.RunAsync(Policy(tokens), Answers.Login());

        Assert.False(Assert.Single(next.SentHeaders).ContainsKey("Authorization"));
        Assert.Equal(0, tokens.Handed);
    }

    [Fact]
    public async Task Every_token_sent_is_scrubbed_from_later_server_text()
    {
        var scrubber = new CredentialScrubber();
        var next = new ScriptedNext(Answers.Status(200));

        await next.RunAsync(new AuthenticationPolicy(new FakeTokens("token-one-abcdef"), scrubber, NullLogger.Instance), Answers.Read());

        Assert.Equal("proxy saw Bearer ***", scrubber.Scrub("proxy saw Bearer token-one-abcdef"));
    }

    private static AuthenticationPolicy Policy(FakeTokens tokens) => new(tokens, new CredentialScrubber(), NullLogger.Instance);

    /// <summary>Hands out the given tokens in turn; re-authentication moves to the next one.</summary>
    private sealed class FakeTokens : IAccessTokenSource
    {
        private readonly string[] _tokens;
        private int _current;

        public FakeTokens(params string[] tokens) => _tokens = tokens;

        public bool CanReauthenticate { get; init; } = true;

        public ConcurrentQueue<string?> Reauthenticated { get; } = new();

        public int Handed { get; private set; }

        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            Handed++;
            return Task.FromResult(_tokens[_current]);
        }

        public Task ReauthenticateAsync(string? rejectedToken, CancellationToken cancellationToken)
        {
            Reauthenticated.Enqueue(rejectedToken);
            _current++;
            return Task.CompletedTask;
        }
    }
}
