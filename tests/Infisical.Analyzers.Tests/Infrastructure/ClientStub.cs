namespace Infisical.Analyzers.Tests.Infrastructure;

/// <summary>
/// The Infisical client surface the analyzer recognises, as source with the same shapes as
/// src/Infisical.Client/Secrets (records with init-only properties, scope properties inherited from
/// SecretScopeOptions). The analyzer references no client assembly: it matches the Infisical.Client namespace,
/// Get/Update/Delete names, 'secretName' parameters and the options' SecretName property. GetAsync(string
/// secretName, …) does not exist in the real client; it stands for any name-taking overload added later.
/// </summary>
internal static class ClientStub
{
    public const string Source = """
        namespace Infisical.Client
        {
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class BaseSecret { public string SecretKey { get; set; } = ""; }
            public sealed class SecretMutationResult { }
            public abstract record SecretScopeOptions
            {
                public string? ProjectId { get; init; }
                public string? ProjectSlug { get; init; }
                public string EnvironmentSlug { get; init; } = "";
                public string SecretPath { get; init; } = "/";
            }
            public sealed record GetSecretOptions : SecretScopeOptions { public string SecretName { get; init; } = ""; }
            public sealed record CreateSecretOptions : SecretScopeOptions { public string SecretName { get; init; } = ""; public string SecretValue { get; init; } = ""; }
            public sealed record UpdateSecretOptions : SecretScopeOptions { public string SecretName { get; init; } = ""; public string? NewSecretName { get; init; } }
            public sealed record DeleteSecretOptions : SecretScopeOptions { public string SecretName { get; init; } = ""; }
            public sealed class SecretsClient
            {
                public Task<BaseSecret> GetByNameAsync(GetSecretOptions options, CancellationToken cancellationToken = default) => Task.FromResult(new BaseSecret());
                public Task<SecretMutationResult> CreateAsync(CreateSecretOptions options, CancellationToken cancellationToken = default) => Task.FromResult(new SecretMutationResult());
                public Task<SecretMutationResult> UpdateAsync(UpdateSecretOptions options, CancellationToken cancellationToken = default) => Task.FromResult(new SecretMutationResult());
                public Task<SecretMutationResult> DeleteByNameAsync(DeleteSecretOptions options, CancellationToken cancellationToken = default) => Task.FromResult(new SecretMutationResult());
                public Task<BaseSecret> GetAsync(string secretName, string? environmentSlug = null, string? secretPath = null) => Task.FromResult(new BaseSecret());
                public Task<BaseSecret> CreateAsync(string secretName, string secretValue) => Task.FromResult(new BaseSecret());
            }
            public sealed class InfisicalClient { public SecretsClient Secrets { get; } = new SecretsClient(); }
        }
        """;
}
