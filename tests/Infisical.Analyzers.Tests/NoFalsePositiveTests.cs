using System.Threading.Tasks;
using Infisical.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Infisical.Analyzers.Tests;

/// <summary>
/// Ordinary ASP.NET Core configuration code must produce no INF001 at all, whichever manifest is present.
/// Compiled against the real ASP.NET Core 8 reference assemblies.
/// </summary>
public sealed class NoFalsePositiveTests
{
    private const string Program = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        var builder = WebApplication.CreateBuilder(args);
        var config = builder.Configuration;

        var level = config["Logging:LogLevel:Default"];
        var hosts = config["AllowedHosts"];
        var url = config["Kestrel:Endpoints:Http:Url"] ?? config["urls"];
        var defaultConnection = config.GetConnectionString("DefaultConnection");
        var sql = config["ConnectionStrings:DefaultConnection"];
        var maxItems = config.GetValue<int>("MaxItems", 50);
        var useInMemory = config.GetValue<bool>("UseInMemoryDatabase");
        var jwtKey = config["Jwt:Key"];
        var jwtIssuer = config.GetSection("Jwt")["Issuer"];
        var serilog = config.GetSection("Serilog");
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        var inContainer = Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER");
        var otlp = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        var site = Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME");
        var home = Environment.GetEnvironmentVariable("HOME");
        var host = Environment.GetEnvironmentVariable("HOSTNAME");
        var ci = Environment.GetEnvironmentVariable("CI") ?? Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AZURE_CLIENT_ID");
        var k8s = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var path = Environment.GetEnvironmentVariable("PATH");

        builder.Services.Configure<JwtOptions>(config.GetSection("Jwt"));
        builder.Services.Configure<SmtpOptions>(config.GetSection(nameof(SmtpOptions)));
        builder.Services.AddOptions<FeatureOptions>().BindConfiguration("Features");
        builder.Services.AddOptions<FeatureOptions>().Bind(config.GetSection(FeatureOptions.Section));
        builder.Logging.AddConfiguration(config.GetSection("Logging"));

        var app = builder.Build();
        var appName = app.Configuration["applicationName"] ?? app.Configuration[WebHostDefaults.EnvironmentKey];
        app.MapGet("/", (IConfiguration c, IOptions<JwtOptions> jwt) =>
            Results.Ok(new { name = c["Site:Title"], theme = c.GetValue<string>("Ui:Theme"), issuer = jwt.Value.Issuer }));
        app.Run();

        class JwtOptions { public string Issuer { get; set; } = ""; public string Key { get; set; } = ""; }
        class SmtpOptions { public string Host { get; set; } = ""; }
        class FeatureOptions { public const string Section = "Features"; public bool Beta { get; set; } }
        """;

    private static async Task RunAsync(string manifest)
    {
        var test = Verifier.Create(Program, manifest, TestReferences.BareRuntime);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(await TestReferences.AspNetCoreAsync());
        await test.RunAsync();
    }

    [Fact]
    public Task Aspnet_program_with_the_default_manifest_is_silent() => RunAsync(TestManifests.Default);

    [Fact]
    public Task Aspnet_program_with_a_typical_screaming_snake_manifest_is_silent() => RunAsync(TestManifests.With(
        "DB_PASSWORD", "JWT_SIGNING_KEY", "SMTP_PASSWORD", "STRIPE_SECRET_KEY", "SENTRY_DSN", "REDIS_URL"));

    [Fact]
    public Task Aspnet_program_with_a_section_style_manifest_is_silent() => RunAsync(TestManifests.With(
        "ConnectionStrings__Db", "Jwt__SigningKey", "Smtp__Password", "Features__BetaKey"));

    [Fact]
    public Task Aspnet_program_with_an_empty_manifest_is_silent() => RunAsync(TestManifests.With());

    [Fact]
    public async Task Aspnet_program_is_really_analyzed_a_misspelling_in_it_is_found()
    {
        // Guards the suite above against passing because nothing was analysed at all.
        var test = Verifier.Create(
            Program.Replace("var host = Environment.GetEnvironmentVariable(\"HOSTNAME\");", "var host = config[{|#0:\"DB_PASWORD\"|}];"),
            TestManifests.Default,
            TestReferences.BareRuntime);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.AddRange(await TestReferences.AspNetCoreAsync());
        test.ExpectedDiagnostics.Add(Verifier.Inf001(0, "DB_PASWORD", Verifier.DidYouMean("DB_PASSWORD")));
        await test.RunAsync();
    }
}
