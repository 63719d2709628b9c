using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Infisical.LocalServer;

/// <summary>
/// The STS request an AWS IAM login carries, decoded, with an independent SigV4 check. The real server replays the
/// request to STS; offline, this class does what STS would: parse the <c>Authorization</c> header, check the scope
/// and time, and (when the seed knows the caller's secret key) recompute the signature.
/// </summary>
internal sealed partial class AwsSignedRequest
{
    private AwsSignedRequest(Dictionary<string, string> headers, byte[] body, string method)
    {
        Headers = headers;
        Body = body;
        Method = method;
    }

    public Dictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string Method { get; }

    public string AccessKeyId { get; private set; } = string.Empty;

    public string ScopeDate { get; private set; } = string.Empty;

    public string Region { get; private set; } = string.Empty;

    public string Service { get; private set; } = string.Empty;

    public string Terminator { get; private set; } = string.Empty;

    public string[] SignedHeaders { get; private set; } = Array.Empty<string>();

    public string Signature { get; private set; } = string.Empty;

    /// <summary>Decodes the login fields; null plus a reason when they are not base64 / JSON / a SigV4 header.</summary>
    public static (AwsSignedRequest? Request, string? Problem) Decode(string method, string bodyBase64, string headersBase64)
    {
        byte[] body;
        Dictionary<string, string> headers;
        try
        {
            body = Convert.FromBase64String(bodyBase64);
            var json = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(headersBase64)).RootElement;
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in json.EnumerateObject())
            {
                headers[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, "iamRequestBody must be base64 and iamRequestHeaders base64 of a JSON object");
        }

        var request = new AwsSignedRequest(headers, body, method.ToUpperInvariant());
        if (!headers.TryGetValue("Authorization", out var authorization))
        {
            return (null, "the signed headers have no Authorization header");
        }

        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return (request, null);
        }

        var scope = match.Groups["credential"].Value.Split('/');
        if (scope.Length == 5)
        {
            request.AccessKeyId = scope[0];
            request.ScopeDate = scope[1];
            request.Region = scope[2];
            request.Service = scope[3];
            request.Terminator = scope[4];
        }

        request.SignedHeaders = match.Groups["signed"].Value.Split(';');
        request.Signature = match.Groups["signature"].Value;
        return (request, null);
    }

    /// <summary>
    /// What STS would refuse (null when acceptable): wrong action, scope, host, stale or missing date, an Accept
    /// header (STS would answer XML, which the server cannot read).
    /// </summary>
    public string? CheckShape(DateTimeOffset now, int maxSkewSeconds)
    {
        if (Encoding.UTF8.GetString(Body) != "Action=GetCallerIdentity&Version=2011-06-15")
        {
            return "the request body is not Action=GetCallerIdentity&Version=2011-06-15";
        }

        if (Method != "POST")
        {
            return "the request method is not POST";
        }

        if (AccessKeyId.Length == 0 || Service != "sts" || Terminator != "aws4_request")
        {
            return "the Authorization credential scope is not <key>/<date>/<region>/sts/aws4_request";
        }

        if (Headers.TryGetValue("Host", out var host) && host != $"sts.{Region}.amazonaws.com")
        {
            return $"the signed Host is not sts.{Region}.amazonaws.com";
        }

        if (Headers.ContainsKey("Accept"))
        {
            return "an Accept header is signed; STS would answer XML that the server cannot read";
        }

        if (!Headers.TryGetValue("X-Amz-Date", out var amzDate)
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return "X-Amz-Date is missing or malformed";
        }

        if (amzDate[..8] != ScopeDate)
        {
            return "the credential scope date differs from X-Amz-Date";
        }

        return Math.Abs((now - signedAt).TotalSeconds) > maxSkewSeconds ? "the request signature is too old or in the future" : null;
    }

    /// <summary>Recomputes the SigV4 signature with the caller's secret key and compares it.</summary>
    public bool SignatureMatches(string secretAccessKey)
    {
        var canonicalHeaders = new StringBuilder();
        foreach (var name in SignedHeaders)
        {
            // A Content-Length the client signed but left out is recomputed on replay by the HTTP library.
            var value = Headers.TryGetValue(name, out var v) ? v
                : name == "content-length" ? Body.Length.ToString(CultureInfo.InvariantCulture)
                : null;
            if (value == null)
            {
                return false;
            }

            canonicalHeaders.Append(name).Append(':').Append(SpaceRuns().Replace(value.Trim(), " ")).Append('\n');
        }

        var canonicalRequest = string.Join("\n", Method, "/", string.Empty, canonicalHeaders.ToString(), string.Join(";", SignedHeaders), Hex(SHA256.HashData(Body)));
        var scope = $"{ScopeDate}/{Region}/{Service}/{Terminator}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{Headers["X-Amz-Date"]}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { ScopeDate, Region, Service, Terminator })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Signature));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=(?<credential>[^,\s]+),\s*SignedHeaders=(?<signed>[^,\s]+),\s*Signature=(?<signature>[0-9a-f]+)$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(" +")]
    private static partial Regex SpaceRuns();
}
