using Microsoft.Extensions.Configuration;

namespace Infisical.Extensions.Configuration;

/// <summary>The live Infisical source added by <c>AddInfisical</c>.</summary>
public sealed class InfisicalConfigurationSource : IConfigurationSource
{
    internal InfisicalConfigurationSource(InfisicalOptions options) => Options = options;

    /// <summary>The options it was added with.</summary>
    public InfisicalOptions Options { get; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new InfisicalConfigurationProvider(Options);
}
