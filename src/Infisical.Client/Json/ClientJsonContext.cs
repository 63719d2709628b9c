using System.Text.Json.Serialization;
using Infisical.Client.Auth;
using Infisical.Client.Secrets;

namespace Infisical.Client.Json;

/// <summary>
/// Source-generated JSON for the core client (no reflection: trimming- and AOT-safe). Other areas keep their own
/// contexts next to their code with the same options.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(AccessTokenRequest))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(UniversalAuthLoginRequest))]
[JsonSerializable(typeof(ListSecretsWire))]
[JsonSerializable(typeof(SecretEnvelopeWire))]
[JsonSerializable(typeof(SecretReadWire))]
[JsonSerializable(typeof(System.Collections.Generic.List<Infisical.Client.BaseSecret>))]
[JsonSerializable(typeof(System.Collections.Generic.List<Infisical.Client.SecretImport>))]
[JsonSerializable(typeof(SecretWriteBody))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class ClientJsonContext : JsonSerializerContext
{
}
