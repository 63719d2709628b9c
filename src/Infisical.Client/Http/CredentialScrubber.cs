using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Infisical.Client.Http;

/// <summary>
/// Remembers every credential this connection has held (the configured token, each bearer token sent, each access
/// token a login or renewal returned, the string values of login bodies) and removes them from text the server sent
/// back. A proxy may echo the request's headers or body in its error page, and that text ends up in exception
/// messages, build logs and binlogs.
/// </summary>
internal sealed class CredentialScrubber
{
    /// <summary>Shorter strings are not credentials and removing them would mangle ordinary words.</summary>
    private const int MinLength = 8;

    /// <summary>Tokens rotate on every renewal; keeping the newest few is enough and bounds the memory.</summary>
    private const int MaxRemembered = 64;

    private const string Mask = "***";

    private readonly object _gate = new();
    private readonly List<string> _known = new();

    /// <summary>The value last added or found; the bearer token is added again on every call, and this answers that without the lock.</summary>
    private volatile string? _newest;

    /// <summary>Remembers <paramref name="value"/> (ignored when null or too short to be a credential).</summary>
    public void Add(string? value)
    {
        if (value == null || value.Length < MinLength)
        {
            return;
        }

        // Always an entry of _known: only Add evicts, and it then points this at what it kept.
        if (string.Equals(_newest, value, StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            if (_known.Contains(value))
            {
                _newest = value;
                return;
            }

            if (_known.Count >= MaxRemembered)
            {
                _known.RemoveAt(0);
            }

            _known.Add(value);
            _newest = value;
        }
    }

    /// <summary>Remembers every string value of a JSON body (a login body holds the secret, a JWT, a password, ...).</summary>
    public void AddJsonStrings(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                Add(reader.GetString());
            }
        }
    }

    /// <summary><paramref name="text"/> with every remembered credential replaced by <c>***</c>.</summary>
    public string Scrub(string text)
    {
        if (text.Length < MinLength)
        {
            return text;
        }

        lock (_gate)
        {
            // Longest first, so a token that contains another remembered string is removed whole.
            var ordered = new List<string>(_known);
            ordered.Sort((a, b) => b.Length.CompareTo(a.Length));
            foreach (var secret in ordered)
            {
                if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    text = text.Replace(secret, Mask);
                }
            }
        }

        return text;
    }

    /// <summary>Null stays null.</summary>
    public string? ScrubOrNull(string? text) => text == null ? null : Scrub(text);
}
