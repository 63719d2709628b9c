using System;
using System.Globalization;

namespace Infisical.LocalServer;

/// <summary>
/// Added response latency per route class, so a build or client measured against the local server pays what a
/// user of Infisical Cloud pays per call. Zero everywhere means loopback speed.
/// </summary>
public sealed class LatencyProfile
{
    /// <summary>Logins, token renewals and token minting (<c>POST /api/v1/auth/…</c>).</summary>
    public int LoginMilliseconds { get; set; }

    /// <summary>Secret lists, folder lists and import lists.</summary>
    public int ListMilliseconds { get; set; }

    /// <summary>One secret by name or id.</summary>
    public int GetMilliseconds { get; set; }

    /// <summary>Every other API route (writes, KMS, projects, status).</summary>
    public int OtherMilliseconds { get; set; }

    /// <summary>
    /// The midpoints of what the real server was seen to cost per call: a login 90–170 ms, a folder or secret list
    /// 20–30 ms, a get-by-name ≈ 170 ms. Other routes get no added delay.
    /// </summary>
    public static LatencyProfile RealServer => new() { LoginMilliseconds = 130, ListMilliseconds = 25, GetMilliseconds = 170 };

    /// <summary>True when no route class has a delay.</summary>
    public bool IsZero => LoginMilliseconds == 0 && ListMilliseconds == 0 && GetMilliseconds == 0 && OtherMilliseconds == 0;

    /// <summary>
    /// Reads the command-line form: <c>real</c>, <c>none</c>, or <c>login=130,list=25,get=170,other=0</c>
    /// (any subset; unnamed classes get 0). Throws <see cref="ArgumentException"/> naming the bad part.
    /// </summary>
    public static LatencyProfile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("real", StringComparison.OrdinalIgnoreCase))
        {
            return RealServer;
        }

        var profile = new LatencyProfile();
        if (trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return profile;
        }

        foreach (var part in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || !int.TryParse(part.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 60_000)
            {
                throw new ArgumentException($"--latency part '{part}' must be CLASS=MILLISECONDS (0–60000).");
            }

            switch (part.Substring(0, eq).ToLowerInvariant())
            {
                case "login": profile.LoginMilliseconds = ms; break;
                case "list": profile.ListMilliseconds = ms; break;
                case "get": profile.GetMilliseconds = ms; break;
                case "other": profile.OtherMilliseconds = ms; break;
                default: throw new ArgumentException($"--latency class '{part.Substring(0, eq)}' must be login, list, get or other.");
            }
        }

        return profile;
    }

    /// <summary>The delay for one route class.</summary>
    internal int For(RouteClass routeClass) => routeClass switch
    {
        RouteClass.Login => LoginMilliseconds,
        RouteClass.List => ListMilliseconds,
        RouteClass.Get => GetMilliseconds,
        RouteClass.Other => OtherMilliseconds,
        _ => 0,
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"login={LoginMilliseconds},list={ListMilliseconds},get={GetMilliseconds},other={OtherMilliseconds}";
}
