using System.Collections.Generic;
using System.Reflection;
using Infisical.Client.Caching;

namespace Infisical.Client.Tests.Core;

/// <summary>
/// Cached reads are keyed by the options record itself (its value equality), so a fresh hit needs no request to be
/// built. These tests keep that sound: every option is part of the key, equal options share it, and a list the
/// caller can change after the call never is.
/// </summary>
public sealed class CacheKeyTests
{
    private const string RawPath = "/api/v3/secrets/raw";
    private static readonly GetSecretOptions DbPassword = new() { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD" };

    [Fact]
    public void Every_get_option_is_part_of_the_key_and_holds_a_value_not_a_reference()
    {
        var properties = typeof(GetSecretOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.True(properties.Count >= 10, string.Join(", ", properties.Select(p => p.Name)));
        foreach (var property in properties)
        {
            // A list or other mutable reference would compare by reference and could change after the call.
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Assert.True(type == typeof(string) || type.IsPrimitive || type.IsEnum, $"{property.Name} is a {type.Name}: key reads by URL instead (see ListAsync's tag slugs).");

            var changed = DbPassword with { };
            property.SetValue(changed, Different(property.GetValue(DbPassword), type));
            Assert.NotEqual(new ReadKey("identity:a", DbPassword), new ReadKey("identity:a", changed));
        }

        Assert.Equal(new ReadKey("identity:a", DbPassword), new ReadKey("identity:a", DbPassword with { }));
        Assert.NotEqual(new ReadKey("identity:a", DbPassword), new ReadKey("identity:b", DbPassword));
    }

    [Fact]
    public async Task Equal_options_in_a_new_instance_are_a_hit_and_changed_ones_a_miss()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync(o => o.CacheTtl = TimeSpan.FromMinutes(5));
        h.Controls.ClearRequests();

        var first = await client.Secrets.GetByNameAsync(DbPassword);
        var hit = await client.Secrets.GetByNameAsync(new GetSecretOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", SecretName = "DB_PASSWORD" });
        await client.Secrets.GetByNameAsync(DbPassword with { SecretName = "API_URL" });

        Assert.Same(first, hit);
        Assert.Equal(1, h.Controls.Count(RawPath + "/DB_PASSWORD", "GET"));
        Assert.Equal(1, h.Controls.Count(RawPath + "/API_URL", "GET"));
    }

    [Fact]
    public async Task A_tag_list_changed_after_a_list_call_asks_again()
    {
        await using var h = await LocalServerHarness.StartAsync(CompatibilityLevel.Current);
        using var client = await h.LoginAsync(o => o.CacheTtl = TimeSpan.FromMinutes(5));
        var tags = new List<string> { "backend" };
        var options = new ListSecretsOptions { ProjectId = TestSeed.ProjectId, EnvironmentSlug = "dev", TagSlugs = tags };
        h.Controls.ClearRequests();

        await client.Secrets.ListAsync(options);
        await client.Secrets.ListAsync(options);
        tags[0] = "frontend";
        await client.Secrets.ListAsync(options);

        Assert.Equal(2, h.Controls.Settled().Count(r => r.Path == RawPath));
    }

    private static object? Different(object? value, Type type) =>
        type == typeof(string) ? (string?)value + "-other"
        : type == typeof(bool) ? !(bool)(value ?? false)
        : type == typeof(int) ? ((int?)value ?? 0) + 7
        : type.IsEnum ? Enum.GetValues(type).Cast<object>().First(v => !v.Equals(value))
        : throw new InvalidOperationException("No different value for " + type.Name);
}
