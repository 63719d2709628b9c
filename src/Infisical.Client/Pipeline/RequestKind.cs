namespace Infisical.Client.Pipeline;

/// <summary>How a request may be retried. It decides the retry policy, nothing else.</summary>
internal enum RequestKind
{
    /// <summary>Safe to repeat: retried on network failures, timeouts, 408, 429 and 5xx.</summary>
    Read,

    /// <summary>Changes state: retried only when it provably never reached the server (connect failure or 429).</summary>
    Write,

    /// <summary>
    /// A login: retried only when the server never processed it (network failures, 429, 502/503/504), because
    /// judged logins count towards the server's lockout.
    /// </summary>
    Login,
}
