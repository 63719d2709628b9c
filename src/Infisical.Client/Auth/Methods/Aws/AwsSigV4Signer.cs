using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace Infisical.Client.Auth.Methods.Aws;

/// <summary>
/// Signs one HTTP request with AWS Signature Version 4. Every step (headers, canonical request, key derivation,
/// string to sign, HMAC) is AWSSDK.Core's own code: deriving from <see cref="AWS4Signer"/> is the only way to reach
/// its canonicalisation helpers, which it exposes as protected statics. The AWS login and the published SigV4
/// test vectors both go through <see cref="Sign"/>, so the vectors vouch for what the login sends.
/// </summary>
internal sealed class AwsSigV4Signer : AWS4Signer
{
    private AwsSigV4Signer()
    {
    }

    /// <summary>
    /// Returns the headers to send: the caller's headers plus <c>Host</c>, <c>X-Amz-Date</c>,
    /// <c>X-Amz-Security-Token</c> (temporary credentials only) and <c>Authorization</c>.
    /// </summary>
    /// <param name="credentials">The AWS credentials; the secret key never leaves this method.</param>
    /// <param name="region">Signing region, e.g. <c>us-east-1</c>.</param>
    /// <param name="service">Signing service, e.g. <c>sts</c>.</param>
    /// <param name="method">HTTP method.</param>
    /// <param name="url">Absolute URL; its query string is canonicalised as SigV4 requires.</param>
    /// <param name="headers">Headers to sign besides the ones added here.</param>
    /// <param name="body">The exact body bytes that will be sent.</param>
    /// <param name="signedAt">The signing time (UTC).</param>
    public static SigV4SignedRequest Sign(
        ImmutableCredentials credentials,
        string region,
        string service,
        string method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body,
        DateTime signedAt)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            all[header.Key] = header.Value;
        }

        // Sets Host and X-Amz-Date exactly as the SDK's own clients do. The names are then re-added in their usual
        // capitalisation for the header map the login sends (signing itself lowercases them).
        all.Remove("Host");
        all.Remove("X-Amz-Date");
        InitializeHeaders(all, url, signedAt.ToUniversalTime());
        foreach (var name in new[] { "Host", "X-Amz-Date" })
        {
            var value = all[name];
            all.Remove(name);
            all[name] = value;
        }

        if (credentials.UseToken)
        {
            all["X-Amz-Security-Token"] = credentials.Token;
        }

        var bodyHash = AWSSDKUtils.ToHex(ComputeHash(body), true);
        var sorted = SortAndPruneHeaders(all);
        var endpoint = new Uri(url.GetLeftPart(UriPartial.Authority));
        var query = url.Query.Length > 1 ? url.Query.Substring(1) : string.Empty;
        var canonicalRequest = CanonicalizeRequest(
            endpoint, url.AbsolutePath, method, sorted, CanonicalizeQueryParameters(query), bodyHash);

        var result = ComputeSignature(
            credentials, region, signedAt.ToUniversalTime(), service, CanonicalizeHeaderNames(sorted), canonicalRequest);
        all["Authorization"] = result.ForAuthorizationHeader;
        return new SigV4SignedRequest(all, canonicalRequest);
    }
}

/// <summary>The outcome of <see cref="AwsSigV4Signer.Sign"/>.</summary>
/// <param name="Headers">Every header to send, including <c>Authorization</c>.</param>
/// <param name="CanonicalRequest">The canonical request that was signed (no secrets in it); kept for tests.</param>
internal sealed record SigV4SignedRequest(IReadOnlyDictionary<string, string> Headers, string CanonicalRequest);
