using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Infisical.Client.Auth.Methods;
using Infisical.Client.Auth.Methods.Aws;

namespace Infisical.Client.Auth;

/// <summary>Settings for <see cref="AwsAuthClient"/>; the defaults find everything the way the AWS SDKs do.</summary>
public sealed class AwsAuthOptions
{
    /// <summary>
    /// Credentials to sign with. Null uses AWS's default chain (environment variables, shared profile, web identity,
    /// container credentials, EC2 instance profile), resolved again at every login so rotated credentials are used.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>The STS region. Null reads <c>AWS_REGION</c>, then asks EC2 instance metadata (IMDSv2).</summary>
    public string? Region { get; set; }

    /// <summary>EC2 instance metadata service, used only to find the region. Defaults to <c>http://169.254.169.254</c>.</summary>
    public Uri InstanceMetadataEndpoint { get; set; } = new("http://169.254.169.254");
}

/// <summary>AWS IAM Auth: proves the caller's IAM identity with a signed STS <c>GetCallerIdentity</c> request.</summary>
public sealed class AwsAuthClient
{
    private readonly TokenManager _tokens;

    internal AwsAuthClient(TokenManager tokens) => _tokens = tokens;

    /// <summary>Logs in with the ambient AWS credentials and makes the client use the access token.</summary>
    /// <param name="identityId">The machine identity id; null reads <c>INFISICAL_AWS_IAM_AUTH_IDENTITY_ID</c>, then <c>INFISICAL_MACHINE_IDENTITY_ID</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<MachineIdentityCredential> LoginAsync(string? identityId = null, CancellationToken cancellationToken = default) =>
        LoginAsync(identityId, new AwsAuthOptions(), cancellationToken);

    /// <summary>Logs in with explicit credentials, region or metadata endpoint.</summary>
    /// <exception cref="InfisicalException">No AWS credentials or region could be found (the message says where it looked).</exception>
    /// <exception cref="InfisicalApiException">Infisical refused the identity (account or ARN not allowed, AWS auth not configured).</exception>
    public Task<MachineIdentityCredential> LoginAsync(string? identityId, AwsAuthOptions options, CancellationToken cancellationToken = default)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = LoginArguments.IdentityId(identityId, "AWS IAM Auth", "INFISICAL_AWS_IAM_AUTH_IDENTITY_ID");
        return _tokens.LoginAsync(new AwsIamLoginMethod(id, options), cancellationToken);
    }
}

/// <summary>Signs a fresh STS request at every login (credentials and the signing time must be current).</summary>
internal sealed class AwsIamLoginMethod : ILoginMethod
{
    private static readonly Regex RegionPattern = new("^[a-z0-9-]{1,20}$", RegexOptions.CultureInvariant);
    private readonly string _identityId;
    private readonly AwsAuthOptions _options;

    public AwsIamLoginMethod(string identityId, AwsAuthOptions options)
    {
        _identityId = identityId;
        _options = options;
    }

    public async Task<MachineIdentityCredential> LoginAsync(LoginChannel channel, CancellationToken cancellationToken)
    {
        var region = await ResolveRegionAsync(cancellationToken).ConfigureAwait(false);
        var credentials = await ResolveCredentialsAsync().ConfigureAwait(false);
        var body = AwsIamLoginPayload.Build(_identityId, credentials, region, channel.Time.GetUtcNow().UtcDateTime);
        return await channel.LoginAsync(
            "/api/v1/auth/aws-auth/login", body, AuthMethodsJsonContext.Default.AwsIamLoginRequest, cancellationToken)
            .ConfigureAwait(false);
    }

    public override string ToString() => "AWS IAM Auth";

    private async Task<string> ResolveRegionAsync(CancellationToken cancellationToken)
    {
        var region = _options.Region;
        var source = "AwsAuthOptions.Region";
        if (string.IsNullOrWhiteSpace(region))
        {
            region = Environment.GetEnvironmentVariable("AWS_REGION");
            source = "AWS_REGION";
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            region = await AwsInstanceMetadata.GetRegionAsync(_options.InstanceMetadataEndpoint, cancellationToken).ConfigureAwait(false);
            source = "EC2 instance metadata";
        }

        region = region!.Trim();
        if (!RegionPattern.IsMatch(region))
        {
            throw new InfisicalException(
                $"AWS IAM Auth: the region from {source} is not a valid AWS region name (lowercase letters, digits and hyphens, at most 20).");
        }

        return region;
    }

    private async Task<ImmutableCredentials> ResolveCredentialsAsync()
    {
        try
        {
            var credentials = _options.Credentials
                ?? await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null!, CancellationToken.None).ConfigureAwait(false);
            var frozen = await credentials.GetCredentialsAsync().ConfigureAwait(false);
            if (frozen == null || string.IsNullOrEmpty(frozen.AccessKey) || string.IsNullOrEmpty(frozen.SecretKey))
            {
                throw new InfisicalException("AWS IAM Auth: the AWS credentials are empty.");
            }

            return frozen;
        }
        catch (AmazonClientException e)
        {
            // The AWS SDK lists where it looked (environment, profile, container, instance); it never includes keys.
            throw new InfisicalException("AWS IAM Auth: no AWS credentials found. " + e.Message, e);
        }
    }
}
