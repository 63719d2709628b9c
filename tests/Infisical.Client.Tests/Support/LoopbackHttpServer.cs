using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace Infisical.Client.Tests.Support;

/// <summary>One request as the loopback server read it (headers lower-cased, body as text).</summary>
public sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What the loopback server does with a connection once it has read the request.</summary>
public abstract record LoopbackReply
{
    /// <summary>Writes these bytes verbatim, then closes (lets a test send truncated or malformed answers).</summary>
    public sealed record Raw(string Response) : LoopbackReply;

    /// <summary>Resets the connection (RST, via a zero linger) without answering.</summary>
    public sealed record Reset : LoopbackReply;

    /// <summary>A well-formed answer with a JSON (or other) body.</summary>
    public static Raw Json(int status, string body, string extraHeaders = "", string contentType = "application/json") =>
        new($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nConnection: close\r\n{extraHeaders}"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    /// <summary>A redirect to <paramref name="location"/>.</summary>
    public static Raw Redirect(int status, string location) =>
        new($"HTTP/1.1 {status} Redirect\r\nLocation: {location}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 standing in for a misbehaving proxy: every connection carries one request,
/// which is recorded (with headers and body, so tests can see where credentials went) and answered by a callback.
/// Optionally speaks TLS with a throwaway self-signed certificate that no client trusts.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<LoopbackRequest, int, LoopbackReply> _reply;
    private readonly X509Certificate2? _certificate;
    private readonly Task _loop;
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();

    private LoopbackHttpServer(Func<LoopbackRequest, int, LoopbackReply> reply, bool tls)
    {
        _reply = reply;
        _certificate = tls ? CreateUntrustedCertificate() : null;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:port (https:// when started with TLS).</summary>
    public string BaseUrl => $"{(_certificate != null ? "https" : "http")}://127.0.0.1:{Port}";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Requests fully read so far, oldest first.</summary>
    public IReadOnlyList<LoopbackRequest> Requests => _requests.ToArray();

    /// <summary>Answers the n-th request (0-based) with <paramref name="reply"/>(request, n).</summary>
    public static LoopbackHttpServer Start(Func<LoopbackRequest, int, LoopbackReply> reply, bool tls = false) => new(reply, tls);

    /// <summary>Answers every request the same way.</summary>
    public static LoopbackHttpServer Start(LoopbackReply reply) => new((_, _) => reply, tls: false);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _certificate?.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        for (var n = 0; ; n++)
        {
            TcpClient socket;
            try
            {
                socket = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception)
            {
                return; // stopped
            }

            try
            {
                await ServeAsync(socket, n);
            }
            catch (Exception)
            {
                // A client that gave up (TLS refused, timeout) must not stop the loop.
            }
            finally
            {
                socket.Dispose();
            }
        }
    }

    private async Task ServeAsync(TcpClient socket, int n)
    {
        Stream stream = socket.GetStream();
        if (_certificate != null)
        {
            var ssl = new SslStream(stream);
            await ssl.AuthenticateAsServerAsync(_certificate);
            stream = ssl;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var request = await ReadRequestAsync(stream, timeout.Token);
        if (request == null)
        {
            return;
        }

        _requests.Enqueue(request);
        switch (_reply(request, n))
        {
            case LoopbackReply.Reset:
                socket.LingerState = new LingerOption(true, 0);
                socket.Client.Close();
                break;
            case LoopbackReply.Raw raw:
                await stream.WriteAsync(Encoding.UTF8.GetBytes(raw.Response), timeout.Token);
                await stream.FlushAsync(timeout.Token);
                break;
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        var seen = new List<byte>();
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(seen)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0 || seen.Count > 1_000_000)
            {
                return null;
            }

            seen.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(seen.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("content-length", out var cl) ? int.Parse(cl) : 0;
        var body = seen.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            body.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var requestLine = head[0].Split(' ');
        return new LoopbackRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static X509Certificate2 CreateUntrustedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=infisical-test-untrusted", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Round-trip through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
