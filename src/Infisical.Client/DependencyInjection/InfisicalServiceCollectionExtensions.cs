using System;
using System.Net.Http;
using Infisical.Client;
using Microsoft.Extensions.Logging;

// The conventional namespace for IServiceCollection extensions, so they show up without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="InfisicalClient"/> in a service collection.</summary>
public static class InfisicalServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="InfisicalClient"/> whose HTTP goes through <see cref="IHttpClientFactory"/>
    /// (named client <see cref="InfisicalClientOptions.HttpClientName"/>, returned so handlers can be added) and whose
    /// logger comes from the container's <see cref="ILoggerFactory"/> when one is registered.
    /// </summary>
    public static IHttpClientBuilder AddInfisicalClient(this IServiceCollection services, Action<InfisicalClientOptions> configure)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure == null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var probe = new InfisicalClientOptions();
        configure(probe);
        // The client follows same-origin redirects itself and refuses others; a handler that followed them first
        // would already have sent the token (or a 307's login body) to wherever the redirect pointed.
        var builder = services.AddHttpClient(probe.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddSingleton(provider =>
        {
            var options = new InfisicalClientOptions();
            configure(options);
            options.HttpClient = null;
            options.HttpClientFactory = provider.GetRequiredService<IHttpClientFactory>();
            options.Logger ??= (provider.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("Infisical.Client");
            return new InfisicalClient(options);
        });
        return builder;
    }
}
