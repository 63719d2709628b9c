using System;
using System.Text;
using System.Text.Json.Nodes;

namespace Infisical.LocalServer.Tests;

/// <summary>Decodes (does not verify) JWT parts for assertions.</summary>
public static class Jwt
{
    public static JsonObject Claims(string token) => Part(token, 1);

    public static JsonObject Header(string token) => Part(token, 0);

    private static JsonObject Part(string token, int index)
    {
        var s = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(s)))!;
    }
}
