using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>KMS cryptographic routes (docs/infisical-api-notes.md, "Encrypt and decrypt" and "Sign and verify"): encrypt, decrypt, sign, verify, public key, signing algorithms.</summary>
internal sealed class KmsOperationEndpoints : IEndpointModule
{
    private const string Key = "/api/v1/kms/keys/{keyId}";

    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        if (!KmsRequests.Served(routes))
        {
            return;
        }

        routes.MapPost(Key + "/encrypt", (HttpContext http, ServerState state, string keyId) => EncryptAsync(http, state, keyId));
        routes.MapPost(Key + "/decrypt", (HttpContext http, ServerState state, string keyId) => DecryptAsync(http, state, keyId));
        routes.MapPost(Key + "/sign", (HttpContext http, ServerState state, string keyId) => SignOrVerifyAsync(http, state, keyId, verify: false));
        routes.MapPost(Key + "/verify", (HttpContext http, ServerState state, string keyId) => SignOrVerifyAsync(http, state, keyId, verify: true));
        routes.MapGet(Key + "/public-key", (HttpContext http, ServerState state, string keyId) =>
        {
            var (key, error) = KmsRequests.ResolveKey(http, state, keyId);
            if (error != null)
            {
                return error;
            }

            var errors = ApiErrors.From(http);
            return KmsRequests.RequireUsable(errors, key!, KmsAlgorithms.SignVerify, "provide a public key")
                ?? JsonResponse.Ok(new JsonObject { ["publicKey"] = KmsCrypto.PublicKey(key!) });
        });
        routes.MapGet(Key + "/signing-algorithms", (HttpContext http, ServerState state, string keyId) =>
        {
            var (key, error) = KmsRequests.ResolveKey(http, state, keyId);
            if (error != null)
            {
                return error;
            }

            var errors = ApiErrors.From(http);
            return KmsRequests.RequireUsable(errors, key!, KmsAlgorithms.SignVerify, "list signing algorithms")
                ?? JsonResponse.Ok(new JsonObject
                {
                    ["signingAlgorithms"] = new JsonArray(KmsAlgorithms.Asymmetric[key!.EncryptionAlgorithm].Select(a => (JsonNode?)a).ToArray()),
                });
        });
    }

    private static async Task<IResult> EncryptAsync(HttpContext http, ServerState state, string keyId)
    {
        var (body, errors, failure) = await KmsRequests.AuthorizeAndReadAsync(http, keyId);
        if (failure != null)
        {
            return failure;
        }

        var input = new InputReader(errors!.Compatibility);
        var plaintext = KmsInput.Payload(input, body!, "plaintext", "plaintext");
        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var (key, missing) = KmsRequests.Lookup(http, state, keyId);
        if (missing != null)
        {
            return missing;
        }

        return KmsRequests.RequireUsable(errors, key!, KmsAlgorithms.EncryptDecrypt, "encrypt")
            ?? JsonResponse.Ok(new JsonObject { ["ciphertext"] = Convert.ToBase64String(KmsCrypto.Encrypt(key!.Material, plaintext!)) });
    }

    private static async Task<IResult> DecryptAsync(HttpContext http, ServerState state, string keyId)
    {
        var (body, errors, failure) = await KmsRequests.AuthorizeAndReadAsync(http, keyId);
        if (failure != null)
        {
            return failure;
        }

        var input = new InputReader(errors!.Compatibility);

        // The real route reuses the plaintext refinement here, message included.
        var ciphertext = KmsInput.Payload(input, body!, "ciphertext", "plaintext");
        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var (key, missing) = KmsRequests.Lookup(http, state, keyId);
        if (missing != null)
        {
            return missing;
        }

        var unusable = KmsRequests.RequireUsable(errors, key!, KmsAlgorithms.EncryptDecrypt, "decrypt");
        if (unusable != null)
        {
            return unusable;
        }

        var plaintext = KmsCrypto.Decrypt(key!.Material, ciphertext!);
        if (plaintext == null)
        {
            // Node's decipher throws on a bad tag; current servers wrap it as a CryptographyError, 2024 let it escape.
            return errors.IsLegacy ? errors.Internal() : errors.Error(400, "CryptographyError", "Failed to decrypt data: the ciphertext is invalid or was not produced by this key");
        }

        return JsonResponse.Ok(new JsonObject { ["plaintext"] = Convert.ToBase64String(plaintext) });
    }

    private static async Task<IResult> SignOrVerifyAsync(HttpContext http, ServerState state, string keyId, bool verify)
    {
        var (body, errors, failure) = await KmsRequests.AuthorizeAndReadAsync(http, keyId);
        if (failure != null)
        {
            return failure;
        }

        var input = new InputReader(errors!.Compatibility);
        var algorithm = input.String(body!, "signingAlgorithm", required: true);
        if (algorithm != null && !KmsAlgorithms.SigningAlgorithmNames.Contains(algorithm))
        {
            input.Add(ZodIssues.InvalidEnum(errors.Compatibility, new[] { "signingAlgorithm" }, algorithm, KmsAlgorithms.SigningAlgorithmNames));
        }

        var data = KmsInput.Payload(input, body!, "data", "data");
        byte[]? signature = null;
        if (verify)
        {
            var signatureText = input.String(body!, "signature", required: true, trim: false);
            if (signatureText != null && !KmsInput.TryDecodeBase64(signatureText, out signature))
            {
                input.Add(ZodIssues.Custom(new[] { "signature" }, "signature must be base64 encoded"));
            }
        }

        var isDigest = input.Bool(body!, "isDigest") ?? false;
        if (input.HasIssues)
        {
            return errors.Validation(input.Issues);
        }

        var (key, missing) = KmsRequests.Lookup(http, state, keyId);
        if (missing != null)
        {
            return missing;
        }

        var unusable = KmsRequests.RequireUsable(errors, key!, KmsAlgorithms.SignVerify, verify ? "verify" : "sign");
        if (unusable != null)
        {
            return unusable;
        }

        if (!KmsAlgorithms.Asymmetric[key!.EncryptionAlgorithm].Contains(algorithm))
        {
            return errors.BadRequest($"Signing algorithm {algorithm} is not supported by key '{key.Name}' ({key.EncryptionAlgorithm})");
        }

        if (isDigest && data!.Length != KmsAlgorithms.DigestLength(algorithm!))
        {
            return errors.BadRequest($"A digest for {algorithm} must be {KmsAlgorithms.DigestLength(algorithm!)} bytes");
        }

        if (verify)
        {
            return JsonResponse.Ok(new JsonObject
            {
                ["signatureValid"] = KmsCrypto.Verify(key, algorithm!, data!, signature!, isDigest),
                ["keyId"] = key.Id,
                ["signingAlgorithm"] = algorithm,
            });
        }

        return JsonResponse.Ok(new JsonObject
        {
            ["signature"] = Convert.ToBase64String(KmsCrypto.Sign(key, algorithm!, data!, isDigest)),
            ["keyId"] = key.Id,
            ["signingAlgorithm"] = algorithm,
        });
    }
}
