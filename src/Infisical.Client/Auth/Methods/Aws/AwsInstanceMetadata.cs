using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Infisical.Client.Auth.Methods.Aws;

/// <summary>Reads the region from EC2 instance metadata using IMDSv2 (session token first, as AWS requires by default).</summary>
internal static class AwsInstanceMetadata
{
    public static async Task<string> GetRegionAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var token = await MetadataHttp.SendAsync(
            HttpMethod.Put, new Uri(endpoint, "/latest/api/token"),
            new[] { new KeyValuePair<string, string>("X-aws-ec2-metadata-token-ttl-seconds", "21600") },
            "EC2 instance metadata (IMDSv2 token)", cancellationToken).ConfigureAwait(false);
        var document = await MetadataHttp.SendAsync(
            HttpMethod.Get, new Uri(endpoint, "/latest/dynamic/instance-identity/document"),
            new[] { new KeyValuePair<string, string>("X-aws-ec2-metadata-token", token.Trim()) },
            "EC2 instance metadata (identity document)", cancellationToken).ConfigureAwait(false);
        try
        {
            var region = JsonSerializer.Deserialize(document, AuthMethodsJsonContext.Default.AwsInstanceIdentityDocument)?.Region;
            return string.IsNullOrWhiteSpace(region)
                ? throw new InfisicalException("AWS IAM Auth: the EC2 instance identity document has no region; set AWS_REGION.")
                : region!;
        }
        catch (JsonException e)
        {
            throw new InfisicalException("AWS IAM Auth: the EC2 instance identity document is not JSON; set AWS_REGION.", e);
        }
    }
}
