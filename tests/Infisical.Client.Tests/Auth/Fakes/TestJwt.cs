using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Infisical.Client.Tests.Auth.Fakes;

/// <summary>Mints RS256 JWTs the way an identity provider would, so the server's verification is exercised for real.</summary>
public sealed class TestJwt : IDisposable
{
    public TestJwt(string keyId = "test-key-1")
    {
        KeyId = keyId;
        Rsa = RSA.Create(2048);
    }

    public string KeyId { get; }

    public RSA Rsa { get; }

    /// <summary>The public key as PEM, for a seed's <c>publicKeysPem</c>.</summary>
    public string PublicKeyPem => Rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>The public key as a JWKS document, for a seed's <c>jwks</c>.</summary>
    public JsonObject Jwks
    {
        get
        {
            var p = Rsa.ExportParameters(false);
            return new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                    ["n"] = Base64Url(p.Modulus!), ["e"] = Base64Url(p.Exponent!),
                }),
            };
        }
    }

    /// <summary>Signs <paramref name="claims"/>; <c>exp</c> defaults to an hour after <paramref name="now"/>.</summary>
    public string Mint(JsonObject claims, DateTimeOffset now)
    {
        var payload = (JsonObject)claims.DeepClone();
        payload["iat"] ??= now.ToUnixTimeSeconds();
        payload["exp"] ??= now.AddHours(1).ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose() => Rsa.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
