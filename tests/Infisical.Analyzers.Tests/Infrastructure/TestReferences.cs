using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Infisical.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference sets for test compilations: the real Microsoft.Extensions.* and ASP.NET Core reference
/// assemblies (resolved from NuGet by the testing library), so the analyzer sees the same symbols as in an app.
/// </summary>
internal static class TestReferences
{
    private static readonly ImmutableArray<PackageIdentity> ConfigurationPackages = ImmutableArray.Create(
        new PackageIdentity("Microsoft.Extensions.Configuration.Abstractions", "8.0.0"),
        new PackageIdentity("Microsoft.Extensions.Configuration.Binder", "8.0.0"),
        new PackageIdentity("Microsoft.Extensions.Configuration", "8.0.0"),
        new PackageIdentity("Microsoft.Extensions.Options.ConfigurationExtensions", "8.0.0"));

    /// <summary>.NET 8 plus the configuration abstractions, binder and options packages.</summary>
    public static ReferenceAssemblies WithConfiguration { get; } = ReferenceAssemblies.Net.Net80.AddPackages(ConfigurationPackages);

    /// <summary>
    /// The ASP.NET Core 8 shared framework (WebApplication, minimal APIs), to add beside <c>Net80</c>.
    /// A targeting pack has no lib/ assets, so AddPackages skips it; resolving it as the reference-assembly
    /// package of its own set reads its ref/net8.0 folder instead.
    /// </summary>
    public static Task<ImmutableArray<MetadataReference>> AspNetCoreAsync() =>
        new ReferenceAssemblies("net8.0", new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"), Path.Combine("ref", "net8.0"))
            .ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

    /// <summary>.NET 8 alone: no Microsoft.Extensions.Configuration in sight.</summary>
    public static ReferenceAssemblies BareRuntime { get; } = ReferenceAssemblies.Net.Net80;
}
