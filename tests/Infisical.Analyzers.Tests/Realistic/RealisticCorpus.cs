namespace Infisical.Analyzers.Tests.Realistic;

/// <summary>
/// A small shop made of the shapes met in real ASP.NET Core services: a web API with appsettings, launchSettings
/// and user secrets; a shared messaging library with no appsettings of its own (its keys come from the consuming
/// app); a worker reading platform variables. One manifest (schema 2, production) serves all three, as a shared
/// Directory.Build.props with InfisicalEnv would give them.
/// </summary>
internal static class RealisticCorpus
{
    public const string Manifest = """
        {
          "schemaVersion": 2,
          "sources": [ { "host": "https://app.infisical.com", "projectSlug": "shop", "environment": "prod", "secretPath": "/", "recursive": false } ],
          "secrets": [
            { "name": "DB_PASSWORD", "path": "/", "source": 0 },
            { "name": "ConnectionStrings__Catalog", "path": "/", "source": 0 },
            { "name": "ConnectionStrings__Redis", "path": "/", "source": 0 },
            { "name": "Jwt__SigningKey", "path": "/", "source": 0 },
            { "name": "SmtpOptions__Password", "path": "/", "source": 0 },
            { "name": "STRIPE_SECRET_KEY", "path": "/", "source": 0 },
            { "name": "SENTRY_DSN", "path": "/", "source": 0 },
            { "name": "MessageBus__Password", "path": "/", "source": 0 }
          ]
        }
        """;

    private const string ManifestPath = "/src/obj/infisical/infisical.manifest.json";

    public static RealisticProject WebApi { get; } = new(
        "Shop.Api",
        aspNetCore: true,
        """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        var config = builder.Configuration;

        var catalog = config.GetConnectionString("Catalog");
        var redis = config.GetConnectionString("Redis");
        var signingKey = config["Jwt:SigningKey"];
        var issuer = config.GetSection("Jwt")["Issuer"];
        var smtp = config.GetRequiredSection("SmtpOptions");
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName);
        builder.Services.Configure<JwtOptions>(config.GetSection("Jwt"));
        builder.Services.Configure<FeatureFlags>(config.GetSection("FeatureFlags"));
        var newCheckout = config.GetValue<bool>("FeatureFlags:NewCheckout");
        var stripe = config["STRIPE_SECRET_KEY"];
        var sentry = Environment.GetEnvironmentVariable("SENTRY_DSN");
        var openAi = config["OPENAI_API_KEY"];
        var webhook = config["Stripe:WebhookSecret"];
        var seq = Environment.GetEnvironmentVariable("SEQ_URL");
        var swaggerTitle = config.GetSection("Swagger")["Title"];
        var port = Environment.GetEnvironmentVariable("PORT");
        var databaseUrl = Environment.GetEnvironmentVariable("DATABASE_URL");
        var logLevel = config["LOG_LEVEL"];
        var paypal = config["PAYPAL_CLIENT_SECRET"];
        var payPalId = config["Payments:PayPal:ClientId"];
        var level = config["Logging:LogLevel:Default"];
        var aspnet = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");

        var app = builder.Build();
        app.Run();

        sealed class SmtpOptions { public const string SectionName = "SmtpOptions"; public string Host { get; set; } = ""; }
        sealed class JwtOptions { public string Issuer { get; set; } = ""; }
        sealed class FeatureFlags { public bool NewCheckout { get; set; } }
        """,
        new[]
        {
            (ManifestPath, Manifest),
            ("/src/Shop.Api/appsettings.json", """
                {
                  "Logging": { "LogLevel": { "Default": "Information" } },
                  "AllowedHosts": "*",
                  "ConnectionStrings": { "Catalog": "Host=localhost;Database=catalog" },
                  "Jwt": { "Issuer": "https://shop.example", "Audience": "shop" },
                  "SmtpOptions": { "Host": "localhost", "Port": 25 },
                  "FeatureFlags": { "NewCheckout": false },
                  "Swagger": { "Title": "Shop API" }
                }
                """),
            ("/src/Shop.Api/Properties/launchSettings.json", """
                { "profiles": { "http": { "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "SEQ_URL": "http://localhost:5341" } } } }
                """),
            ("/src/Shop.Api/obj/infisical/infisical.usersecrets.keys", "OPENAI_API_KEY\nStripe:WebhookSecret\n"),
        },
        new[] { "PAYPAL_CLIENT_SECRET", "Payments:PayPal:ClientId" });

    public static RealisticProject MessagingLibrary { get; } = new(
        "Shop.Messaging",
        aspNetCore: false,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop.Messaging;

        public sealed class MessageBusOptions { public string Host { get; set; } = ""; }
        public sealed class RetryOptions { public int Count { get; set; } }

        public static class MessagingExtensions
        {
            public const string SectionName = "MessageBus";

            public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
            {
                services.Configure<MessageBusOptions>(configuration.GetSection(SectionName));
                var host = configuration[$"{SectionName}:Host"];
                var password = configuration.GetSection(SectionName)["Password"];
                var auth = configuration.GetSection("Auth");
                var authority = configuration["Auth:Authority"];
                var rabbit = configuration.GetConnectionString("RabbitMq");
                services.AddOptions<RetryOptions>().BindConfiguration("Retry");
                var swagger = configuration.GetSection("Swagger")["Title"];
                var rabbitPassword = Environment.GetEnvironmentVariable("RABBITMQ_PASSWORD");
                var db = Environment.GetEnvironmentVariable("DB_PASSWORD");
                return services;
            }
        }
        """,
        new[] { (ManifestPath, Manifest) },
        System.Array.Empty<string>());

    public static RealisticProject Worker { get; } = new(
        "Shop.Worker",
        aspNetCore: false,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        namespace Shop.Worker;

        public sealed class Settings
        {
            public Settings(IConfiguration config)
            {
                Interval = config.GetValue<int>("Worker:IntervalSeconds");
                Name = config.GetSection("Worker").GetValue<string>("Name");
                Password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                Region = Environment.GetEnvironmentVariable("AWS_REGION");
                Otlp = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
                Host = Environment.GetEnvironmentVariable("HOSTNAME");
                Environment_ = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
                Kubernetes = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
                Redis = config.GetConnectionString("Redis");
                Queue = config["QUEUE_NAME"];
                Sentry = config["SENTRY_DSN"];
                Batch = config["Worker:BatchSize"];
            }

            public int Interval { get; }
            public string? Name { get; }
            public string? Password { get; }
            public string? Region { get; }
            public string? Otlp { get; }
            public string? Host { get; }
            public string? Environment_ { get; }
            public string? Kubernetes { get; }
            public string? Redis { get; }
            public string? Queue { get; }
            public string? Sentry { get; }
            public string? Batch { get; }
        }
        """,
        new[]
        {
            (ManifestPath, Manifest),
            ("/src/Shop.Worker/appsettings.json", """{ "Worker": { "IntervalSeconds": 30, "Name": "shop-worker" } }"""),
        },
        new[] { "Worker:BatchSize" });

    public static RealisticProject[] All { get; } = { WebApi, MessagingLibrary, Worker };
}
