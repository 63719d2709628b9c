namespace Infisical.Client.Tests.Core;

public sealed class SecretWriteTests
{
    private const string RawPath = "/api/v3/secrets/raw";

    private static GetSecretOptions Get(string name, string env = "dev") =>
        new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = env, SecretName = name, IncludeImports = false };

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Create_then_get_round_trips_the_value(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var result = await client.Secrets.CreateAsync(new CreateSecretOptions
        {
            ProjectSlug = TestSeed.ProjectSlug, EnvironmentSlug = "dev", SecretPath = "/app",
            SecretName = "NEW_KEY", SecretValue = "  padded value  ",
        });

        Assert.False(result.RequiresApproval);
        Assert.Null(result.Approval);
        Assert.Equal("NEW_KEY", result.Secret!.SecretKey);
        Assert.Equal(1, result.Secret.Version);
        var read = await client.Secrets.GetByNameAsync(Get("NEW_KEY") with { SecretPath = "/app" });
        Assert.Equal("padded value", read.SecretValue); // the server trims values
        if (mode == CompatibilityLevel.Current)
        {
            Assert.Equal("/app", read.SecretPath);      // 2024 get-one answers carry no secretPath
        }
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Create_sends_comment_reminders_metadata_and_tags(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var tagId = (await client.Secrets.GetByNameAsync(Get("DB_PASSWORD"))).Tags!.Single().Id!;

        var result = await client.Secrets.CreateAsync(new CreateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "RICH",
            SecretValue = "v", SecretComment = "why it exists", SkipMultilineEncoding = true,
            SecretReminderRepeatDays = 30, SecretReminderNote = "rotate me",
            SecretMetadata = new[] { new SecretMetadataEntry { Key = "owner", Value = "team-a" } },
            TagIds = new[] { tagId },
        });

        Assert.Equal("why it exists", result.Secret!.SecretComment);
        var read = await client.Secrets.GetByNameAsync(Get("RICH"));
        Assert.Equal("why it exists", read.SecretComment);
        if (mode == CompatibilityLevel.Current)
        {
            Assert.Equal(true, read.SkipMultilineEncoding);
            Assert.Equal(30, read.SecretReminderRepeatDays);
            Assert.Equal("rotate me", read.SecretReminderNote);
            Assert.Equal("team-a", read.SecretMetadata!.Single(m => m.Key == "owner").Value);
        }

        Assert.Equal("backend", read.Tags!.Single().Slug);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Update_bumps_the_version_and_old_versions_stay_readable(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var before = await client.Secrets.GetByNameAsync(Get("DB_PASSWORD"));

        var result = await client.Secrets.UpdateAsync(new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", SecretValue = "rotated",
        });

        Assert.Equal(before.Version + 1, result.Secret!.Version);
        Assert.Equal("rotated", (await client.Secrets.GetByNameAsync(Get("DB_PASSWORD"))).SecretValue);
        var old = await client.Secrets.GetByNameAsync(Get("DB_PASSWORD") with { Version = before.Version });
        Assert.Equal("dev-db-pass", old.SecretValue);
        Assert.Contains($"version={before.Version}", h.Controls.Matching(RawPath + "/DB_PASSWORD", "GET").Last().Query);
    }

    [Fact]
    public async Task Update_changes_comment_reminders_metadata_tags_and_encoding_flag()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync();
        var frontend = (await client.Secrets.GetByNameAsync(Get("API_URL"))).Tags!.Single();

        var result = await client.Secrets.UpdateAsync(new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD",
            SecretComment = "rotated monthly", SkipMultilineEncoding = true,
            SecretReminderRepeatDays = 7, SecretReminderNote = "check",
            SecretMetadata = new[] { new SecretMetadataEntry { Key = "owner", Value = "db-team" } },
            TagIds = new[] { frontend.Id! },
        });

        Assert.NotNull(result.Secret);
        var read = await client.Secrets.GetByNameAsync(Get("DB_PASSWORD"));
        Assert.Equal("dev-db-pass", read.SecretValue); // value untouched when not given
        Assert.Equal("rotated monthly", read.SecretComment);
        Assert.Equal(true, read.SkipMultilineEncoding);
        Assert.Equal(7, read.SecretReminderRepeatDays);
        Assert.Equal("check", read.SecretReminderNote);
        Assert.Equal("db-team", read.SecretMetadata!.Single().Value);
        Assert.Equal("frontend", read.Tags!.Single().Slug);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task A_rename_without_a_value_moves_the_secret_or_fails_before_changing_anything(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        var rename = new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "API_URL", NewSecretName = "API_BASE_URL",
        };

        if (mode == CompatibilityLevel.Current)
        {
            var result = await client.Secrets.UpdateAsync(rename);
            Assert.Equal("API_BASE_URL", result.Secret!.SecretKey);
            Assert.Equal("https://dev.example", (await client.Secrets.GetByNameAsync(Get("API_BASE_URL"))).SecretValue);
            var gone = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(Get("API_URL")));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        else
        {
            // A 2024 server requires a value on every update and refuses this one before changing anything.
            var error = await Assert.ThrowsAsync<InfisicalUnsupportedFeatureException>(() => client.Secrets.UpdateAsync(rename));
            Assert.Equal(InfisicalServerFeature.SecretUpdateWithoutValue, error.Feature);
            Assert.Contains("'API_URL' was not changed", error.Message);
            Assert.Equal(403, Assert.Single(h.Controls.Requests, r => r.Method == "PATCH").Status);
            Assert.Equal("https://dev.example", (await client.Secrets.GetByNameAsync(Get("API_URL"))).SecretValue);
        }
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Delete_removes_the_secret_and_sends_its_scope_in_the_body(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var result = await client.Secrets.DeleteByNameAsync(new DeleteSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod", SecretName = "DB_PASSWORD",
        });

        Assert.Equal("DB_PASSWORD", result.Secret!.SecretKey);
        Assert.Equal(string.Empty, h.Controls.Matching(RawPath + "/DB_PASSWORD", "DELETE").Single().Query);
        await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(Get("DB_PASSWORD", "prod")));
        Assert.Equal("dev-db-pass", (await client.Secrets.GetByNameAsync(Get("DB_PASSWORD"))).SecretValue);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Odd_names_survive_create_update_and_delete(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();
        // 2024 servers refused spaces in names; current servers allow them.
        var name = mode == CompatibilityLevel.Current ? "my key.with %25 & ? # ü" : "my.key%25&?#ü+";

        await client.Secrets.CreateAsync(new CreateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod", SecretName = name, SecretValue = "1" });
        await client.Secrets.UpdateAsync(new UpdateSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod", SecretName = name, SecretValue = "2" });
        Assert.Equal("2", (await client.Secrets.GetByNameAsync(Get(name, "prod"))).SecretValue);
        var list = await client.Secrets.ListAsync(new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod" });
        Assert.Contains(list.Secrets, s => s.SecretKey == name);
        await client.Secrets.DeleteByNameAsync(new DeleteSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod", SecretName = name });
        await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.GetByNameAsync(Get(name, "prod")));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Writes_under_an_approval_policy_return_the_approval_request(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var result = await client.Secrets.UpdateAsync(new UpdateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod", SecretPath = TestSeed.LockedPath,
            SecretName = "LOCKED_KEY", SecretValue = "proposed-value",
        });

        Assert.True(result.RequiresApproval);
        Assert.Null(result.Secret);
        Assert.Equal("open", result.Approval!.Status);
        Assert.False(string.IsNullOrEmpty(result.Approval.Id));
        Assert.DoesNotContain("proposed-value", result.Approval.ToString());
        var unchanged = await client.Secrets.GetByNameAsync(Get("LOCKED_KEY", "prod") with { SecretPath = TestSeed.LockedPath });
        Assert.Equal("locked-value", unchanged.SecretValue);

        var create = await client.Secrets.CreateAsync(new CreateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "prod", SecretPath = TestSeed.LockedPath, SecretName = "NEW", SecretValue = "x",
        });
        Assert.True(create.RequiresApproval);
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Duplicate_create_is_a_400_and_is_not_retried(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.CreateAsync(new CreateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD", SecretValue = "do-not-echo",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.DoesNotContain("do-not-echo", error.Message);
        Assert.Equal(1, h.Controls.Count(RawPath + "/DB_PASSWORD", "POST"));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Invalid_names_are_rejected_by_validation_with_readable_messages(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.CreateAsync(new CreateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "a:b", SecretValue = "v",
        }));

        Assert.Equal(mode == CompatibilityLevel.Current ? (HttpStatusCode)422 : HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("ValidationFailure", error.Error);
        Assert.False(error.IsTokenError);
        Assert.NotEmpty(error.Messages);
        Assert.All(error.Messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }

    [Theory]
    [MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]
    public async Task Creating_into_a_missing_environment_fails_clearly(CompatibilityLevel mode)
    {
        await using var h = await LocalServerHarness.StartAsync(mode);
        using var client = await h.LoginAsync();

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Secrets.CreateAsync(new CreateSecretOptions
        {
            ProjectId = TestSeed.ProjectId, EnvironmentSlug = "qa", SecretName = "X", SecretValue = "v",
        }));

        // Current servers: 404 NotFound. The 2024 server: 400 under its create route's label, "Create secret".
        Assert.Equal(mode == CompatibilityLevel.Current ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(mode == CompatibilityLevel.Current ? "NotFound" : "Create secret", error.Error);
        Assert.NotEmpty(error.Messages);
    }
}
