using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>Universal Auth login, renew, revoke and token lifecycle against the current-server behaviour (docs/infisical-api-notes.md, "Authentication").</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Login_returns_login_shape_and_jwt_claims_with_exp_equal_to_ttl()
    {
        await using var h = await Harness.LeaseAsync();
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = Harness.ClientId, ["clientSecret"] = Harness.ClientSecret });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7200, body!["expiresIn"]!.GetValue<long>());
        Assert.Equal(86400, body["accessTokenMaxTTL"]!.GetValue<long>());
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        var claims = Jwt.Claims(body["accessToken"]!.GetValue<string>());
        Assert.Equal("0b8e6f3a-1111-4c2d-9a8e-0b6f3c2d1e4f", claims["identityId"]!.GetValue<string>());
        Assert.Equal("identityAccessToken", claims["authTokenType"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(claims["identityAccessTokenId"]!.GetValue<string>()));
        Assert.Equal(7200, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        Assert.Equal("HS256", Jwt.Header(body["accessToken"]!.GetValue<string>())["alg"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_accepts_a_form_body()
    {
        await using var h = await Harness.LeaseAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["clientId"] = Harness.ClientId, ["clientSecret"] = Harness.ClientSecret });
        var response = await h.Http.PostAsync("/api/v1/auth/universal-auth/login", content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body!["accessToken"]);
    }

    [Fact]
    public async Task Token_with_ttl_zero_has_no_exp()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync("no-expiry", "s5");
        Assert.Null(Jwt.Claims(token)["exp"]);
    }

    [Fact]
    public async Task Unknown_client_id_is_404_and_wrong_secret_is_401()
    {
        await using var h = await Harness.LeaseAsync();
        var (s1, b1) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = "nobody", ["clientSecret"] = "x" });
        ErrorAssert.Current(s1, b1, 404, "NotFound", "No identity with specified client ID was found");
        var (s2, b2) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = Harness.ClientId, ["clientSecret"] = "wrong" });
        ErrorAssert.Current(s2, b2, 401, "UnauthorizedError", "Invalid credentials");
    }

    [Fact]
    public async Task Missing_login_fields_give_422_with_zod_issue_array()
    {
        await using var h = await Harness.LeaseAsync();
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/universal-auth/login", new JsonObject { ["clientId"] = Harness.ClientId });
        ErrorAssert.Current(status, body, 422, "ValidationFailure");
        ErrorAssert.ZodIssues(body, "clientSecret");
    }

    [Fact]
    public async Task Malformed_json_body_is_400()
    {
        await using var h = await Harness.LeaseAsync();
        using var content = new StringContent("{\"clientId\":", Encoding.UTF8, "application/json");
        var response = await h.Http.PostAsync("/api/v1/auth/universal-auth/login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Missing_token_is_401_and_bad_tokens_are_403_TokenError()
    {
        await using var h = await Harness.LeaseAsync();
        var url = h.ListUrl("environment=dev");
        var (s1, b1) = await h.SendAsync(HttpMethod.Get, url);
        ErrorAssert.Current(s1, b1, 401, "UnauthorizedError", "Token missing");

        var (s2, b2) = await h.GetAsync(url, "garbage");
        ErrorAssert.Current(s2, b2, 403, "TokenError");

        var token = await h.LoginAsync();
        var tampered = token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA");
        var (s3, b3) = await h.GetAsync(url, tampered);
        ErrorAssert.Current(s3, b3, 403, "TokenError");
    }

    [Fact]
    public async Task The_word_Bearer_is_not_checked_only_seven_characters_are_dropped()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (response, _) = await h.RawAsync(HttpMethod.Get, h.ListUrl("environment=dev"), headers: new Dictionary<string, string> { ["Authorization"] = "Token: " + token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Expired_jwt_is_403_TokenError_with_the_expiry_message()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync();
        h.Server.Controls.AdvanceClock(TimeSpan.FromSeconds(7201));
        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Current(status, body, 403, "TokenError", "Your token has expired. Please re-authenticate.");
    }

    [Fact]
    public async Task Renew_returns_a_new_token_with_fresh_exp_and_login_shape()
    {
        await using var h = await Harness.StartAsync();
        var token = await h.LoginAsync();
        h.Server.Controls.AdvanceClock(TimeSpan.FromSeconds(3600));
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/renew", new JsonObject { ["accessToken"] = token });

        Assert.Equal(HttpStatusCode.OK, status);
        var renewed = body!["accessToken"]!.GetValue<string>();
        Assert.NotEqual(token, renewed);
        Assert.Equal(7200, body["expiresIn"]!.GetValue<long>());
        Assert.True(Jwt.Claims(renewed)["exp"]!.GetValue<long>() > Jwt.Claims(token)["exp"]!.GetValue<long>());

        // TTL now counts from the renewal: the renewed token still works after the original TTL.
        h.Server.Controls.AdvanceClock(TimeSpan.FromSeconds(3700));
        var (listStatus, _) = await h.GetAsync(h.ListUrl("environment=dev"), renewed);
        Assert.Equal(HttpStatusCode.OK, listStatus);
    }

    [Fact]
    public async Task Renew_past_max_ttl_is_401_and_deletes_the_token()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync("short-lived", "s3");
        var (status, body) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/renew", new JsonObject { ["accessToken"] = token });
        ErrorAssert.Current(status, body, 401, "UnauthorizedError", "Failed to renew MI access token past its Max TTL expiration");

        var (after, afterBody) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Current(after, afterBody, 401, "UnauthorizedError");
    }

    [Fact]
    public async Task Renew_of_invalid_jwt_is_403_and_missing_field_is_422()
    {
        await using var h = await Harness.LeaseAsync();
        var (s1, b1) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/renew", new JsonObject { ["accessToken"] = "a.b" });
        ErrorAssert.Current(s1, b1, 403, "TokenError");
        var (s2, b2) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/renew", new JsonObject());
        ErrorAssert.Current(s2, b2, 422, "ValidationFailure");
    }

    [Fact]
    public async Task Revoke_then_use_is_401_and_revoking_twice_is_401()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync();
        var (s1, b1) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/revoke", new JsonObject { ["accessToken"] = token });
        Assert.Equal(HttpStatusCode.OK, s1);
        Assert.Equal("Successfully revoked access token", b1!["message"]!.GetValue<string>());

        var (s2, b2) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Current(s2, b2, 401, "UnauthorizedError");
        var (s3, b3) = await h.SendAsync(HttpMethod.Post, "/api/v1/auth/token/revoke", new JsonObject { ["accessToken"] = token });
        ErrorAssert.Current(s3, b3, 401, "UnauthorizedError");
    }

    [Fact]
    public async Task Use_limit_allows_exactly_n_requests_then_400()
    {
        await using var h = await Harness.LeaseAsync();
        var token = await h.LoginAsync("three-uses", "s4");
        for (var i = 0; i < 3; i++)
        {
            var (ok, _) = await h.GetAsync(h.ListUrl("environment=dev"), token);
            Assert.Equal(HttpStatusCode.OK, ok);
        }

        var (status, body) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Current(status, body, 400, "BadRequest", "Unable to renew because access token number of uses limit reached");
        var (again, againBody) = await h.GetAsync(h.ListUrl("environment=dev"), token);
        ErrorAssert.Current(again, againBody, 401, "UnauthorizedError");
    }
}
