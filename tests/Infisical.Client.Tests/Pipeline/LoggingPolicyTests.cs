using System.Collections.Generic;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Pipeline;

public sealed class LoggingPolicyTests
{
    [Fact]
    public async Task Each_attempt_is_logged_with_route_and_status_but_not_the_query()
    {
        var logger = new CapturingLogger();
        var next = new ScriptedNext(Answers.Status(200));
        var request = Answers.Read().WithQuery(new[] { new KeyValuePair<string, string>("workspaceId", "needle-project") });

        await next.RunAsync(new LoggingPolicy(logger, TimeProvider.System), request);

        var line = Assert.Single(logger.Messages);
        Assert.Contains("GET /api/v3/secrets/raw answered 200", line);
        Assert.Contains("attempt 1", line);
        Assert.DoesNotContain("needle-project", line);
    }

    [Fact]
    public async Task An_error_answer_is_logged_with_its_code_and_without_an_echoed_credential()
    {
        var logger = new CapturingLogger();
        var scrubber = new CredentialScrubber();
        scrubber.Add("echoed-token-abcdef");
        var body = Answers.ErrorBody(403, "echoed-token-abcdef", "denied");
        var next = new ScriptedNext(_ => Answers.Make(403, body, null, null, scrubber));

        await next.RunAsync(new LoggingPolicy(logger, TimeProvider.System), Answers.Read());

        var line = Assert.Single(logger.Messages);
        Assert.Contains("answered 403 ***", line);
        Assert.DoesNotContain("echoed-token-abcdef", line);
    }

    [Fact]
    public async Task A_failure_below_http_is_logged_and_passed_on()
    {
        var logger = new CapturingLogger();
        var next = new ScriptedNext(Answers.Throws(new InfisicalTimeoutException("no answer", null)));

        await Assert.ThrowsAsync<InfisicalTimeoutException>(() => next.RunAsync(new LoggingPolicy(logger, TimeProvider.System), Answers.Read()));

        Assert.Contains("failed with InfisicalTimeoutException", Assert.Single(logger.Messages));
    }
}
