using System.Collections.Generic;
using System.Net.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Tests.Pipeline;

public sealed class InfisicalRequestTests
{
    [Fact]
    public void Every_with_method_returns_a_copy_and_leaves_the_original_alone()
    {
        var original = new InfisicalRequest(HttpMethod.Post, "/api/v1/x", RequestOptions.Write);

        var withQuery = original.WithQuery(new[] { new KeyValuePair<string, string>("a b", "c&d") });
        var withBody = original.WithJsonBody(new Dictionary<string, string> { ["k"] = "v" }, TestJson.Default.DictionaryStringString);
        var conditional = withQuery.WithIfNoneMatch("\"e1\"");
        var anonymous = original.WithOptions(RequestOptions.Login);

        Assert.Empty(original.Query);
        Assert.Null(original.JsonBody);
        Assert.Null(original.IfNoneMatch);
        Assert.Same(RequestOptions.Write, original.Options);
        Assert.Equal("/api/v1/x?a%20b=c%26d", conditional.BuildRelativeUrl());
        Assert.Equal("\"e1\"", conditional.IfNoneMatch);
        Assert.Null(withQuery.IfNoneMatch);
        Assert.Equal("{\"k\":\"v\"}", System.Text.Encoding.UTF8.GetString(withBody.JsonBody!.Value.ToArray()));
        Assert.False(anonymous.Options.Authenticated);
        Assert.Equal(RequestKind.Login, anonymous.Options.Kind);
    }

    [Fact]
    public void The_query_is_copied_so_a_later_change_to_the_callers_list_is_not_sent()
    {
        var query = new List<KeyValuePair<string, string>> { new("a", "1") };
        var request = new InfisicalRequest(HttpMethod.Get, "/x", RequestOptions.Read).WithQuery(query);

        query.Add(new("b", "2"));

        Assert.Equal("/x?a=1", request.BuildRelativeUrl());
    }

    [Fact]
    public void A_path_must_start_with_a_slash()
    {
        Assert.Throws<ArgumentException>(() => new InfisicalRequest(HttpMethod.Get, "api/v1/x", RequestOptions.Read));
    }
}
