using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Pipeline;

public sealed class ConditionalAndErrorPolicyTests
{
    [Fact]
    public async Task The_etag_goes_out_as_if_none_match_and_a_304_means_not_modified()
    {
        var next = new ScriptedNext(Answers.Status(304, string.Empty));

        var message = await next.RunAsync(new ConditionalRequestPolicy(), Answers.Read().WithIfNoneMatch("\"v1\""));

        Assert.Equal("\"v1\"", Assert.Single(next.SentHeaders)["If-None-Match"]);
        Assert.True(message.NotModified);
    }

    [Fact]
    public async Task A_304_to_an_unconditional_request_is_not_taken_as_not_modified()
    {
        var next = new ScriptedNext(Answers.Status(304, string.Empty));

        var message = await next.RunAsync(new ConditionalRequestPolicy(), Answers.Read());

        Assert.False(Assert.Single(next.SentHeaders).ContainsKey("If-None-Match"));
        Assert.False(message.NotModified);
    }

    [Fact]
    public async Task Error_mapping_passes_a_not_modified_answer_and_a_success()
    {
        var conditional = new ScriptedNext(Answers.Status(304, string.Empty));
        var ok = new ScriptedNext(Answers.Status(200));

        var notModified = await new HttpPipeline(new ErrorMappingPolicy(), new ConditionalRequestPolicy(), conditional)
            .SendAsync(Answers.Read().WithIfNoneMatch("\"v1\""), default);
        var success = await ok.RunAsync(new ErrorMappingPolicy(), Answers.Read());

        Assert.True(notModified.NotModified);
        Assert.Equal(HttpStatusCode.OK, success.Response!.Status);
    }

    [Fact]
    public async Task An_error_answer_becomes_a_typed_exception_without_the_credentials_the_client_holds()
    {
        var scrubber = new CredentialScrubber();
        scrubber.Add("very-secret-token-123");
        var body = Answers.ErrorBody(404, "NotFound", "No secret; you sent very-secret-token-123");
        var next = new ScriptedNext(_ => Answers.Make(404, body, null, null, scrubber));

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => next.RunAsync(new ErrorMappingPolicy(), Answers.Read()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NotFound", error.Error);
        Assert.DoesNotContain("very-secret-token-123", error.Message);
        Assert.Contains("***", Assert.Single(error.Messages));
    }
}
