using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Infisical.Client.Auth.Methods.Aws;

namespace Infisical.Client.Tests.Auth;

/// <summary>Runs AWS's published SigV4 vectors through the signer the AWS IAM login uses.</summary>
public sealed class SigV4TestVectorTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(VectorRoot()).OrderBy(d => d, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void AllEightVectorsArePresent()
    {
        Assert.Equal(8, Directory.GetDirectories(VectorRoot()).Length);
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void SignerReproducesAwsCanonicalRequestAndAuthorization(string name)
    {
        var request = ParsedRequest.Parse(Read(name, "req"));
        var signed = AwsSigV4Signer.Sign(
            request.Credentials, "us-east-1", "service", request.Method, request.Url,
            request.Headers, Encoding.UTF8.GetBytes(request.Body), request.SignedAt);

        Assert.Equal(Read(name, "creq"), signed.CanonicalRequest);
        Assert.Equal(Read(name, "authz"), signed.Headers["Authorization"]);
        Assert.Equal("20150830T123600Z", signed.Headers["X-Amz-Date"]);
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void StringToSignOfTheVectorHashesItsCanonicalRequest(string name)
    {
        // Guards the data files themselves: a damaged .creq would otherwise silently weaken the test above.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Read(name, "creq")));
        var lastLine = Read(name, "sts").Split('\n').Last();
        Assert.Equal(Convert.ToHexStringLower(hash), lastLine);
    }

    [Fact]
    public void ChangingTheSecretChangesTheSignature()
    {
        var request = ParsedRequest.Parse(Read("get-vanilla", "req"));
        var signed = AwsSigV4Signer.Sign(
            new ImmutableCredentials(AccessKey, SecretKey + "x", null), "us-east-1", "service", request.Method,
            request.Url, request.Headers, Array.Empty<byte>(), request.SignedAt);
        Assert.NotEqual(Read("get-vanilla", "authz"), signed.Headers["Authorization"]);
    }

    private static string Read(string name, string extension) =>
        File.ReadAllText(Path.Combine(VectorRoot(), name, name + "." + extension)).Replace("\r\n", "\n");

    // The vectors live beside this source file; reading them from there keeps the test project file untouched.
    private static string VectorRoot([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "SigV4Vectors");

    private sealed record ParsedRequest(
        string Method, Uri Url, List<KeyValuePair<string, string>> Headers, string Body, DateTime SignedAt,
        ImmutableCredentials Credentials)
    {
        public static ParsedRequest Parse(string text)
        {
            var split = text.Split(new[] { "\n\n" }, 2, StringSplitOptions.None);
            var lines = split[0].Split('\n');
            var requestLine = lines[0].Split(' ');
            var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                var key = line.Substring(0, colon);
                var value = line.Substring(colon + 1);
                if (merged.TryGetValue(key, out var existing))
                {
                    merged[key] = existing + "," + value;
                }
                else
                {
                    merged[key] = value;
                    order.Add(key);
                }
            }

            var host = merged["Host"];
            var signedAt = DateTime.ParseExact(
                merged["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            merged.TryGetValue("X-Amz-Security-Token", out var token);

            // Host, date and session token are added by the signer itself, as they are for the login.
            var headers = order
                .Where(k => !k.Equals("Host", StringComparison.OrdinalIgnoreCase)
                    && !k.Equals("X-Amz-Date", StringComparison.OrdinalIgnoreCase)
                    && !k.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase))
                .Select(k => new KeyValuePair<string, string>(k, merged[k]))
                .ToList();
            return new ParsedRequest(
                requestLine[0], new Uri("https://" + host + requestLine[1]), headers,
                split.Length > 1 ? split[1] : string.Empty, signedAt,
                new ImmutableCredentials(AccessKey, SecretKey, token));
        }
    }
}
