using Microsoft.CodeAnalysis;

namespace Infisical.Analyzers.Tests.Infrastructure;

/// <summary>
/// The real Infisical.Client assembly (its net8.0 build, referenced by this project) as a metadata reference, so
/// test code calls the client's actual types and overloads: a change to the client's API that the analyzer no
/// longer recognises fails these tests. The analyzer itself references no client assembly; it matches the
/// Infisical.Client namespace, Get/Update/Delete names, 'secretName' parameters and the options' SecretName property.
/// </summary>
internal static class ClientAssembly
{
    public static MetadataReference Reference { get; } =
        MetadataReference.CreateFromFile(typeof(Infisical.Client.InfisicalClient).Assembly.Location);

    /// <summary>
    /// Name-taking overloads (<c>GetAsync(string secretName, …)</c>) the client does not have yet: the analyzer
    /// checks any such method in the Infisical.Client namespace, and only this declared shape can show it.
    /// </summary>
    public const string NameTakingApi = """
        namespace Infisical.Client.NotYetShipped
        {
            using System.Threading.Tasks;

            public sealed class NameTakingSecretsClient
            {
                public Task<BaseSecret> GetAsync(string secretName, string? environmentSlug = null, string? secretPath = null) => Task.FromResult(new BaseSecret());
                public Task<BaseSecret> CreateAsync(string secretName, string secretValue) => Task.FromResult(new BaseSecret());
            }
        }
        """;
}
