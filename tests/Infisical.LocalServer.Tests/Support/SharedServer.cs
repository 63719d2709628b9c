using System.Threading.Tasks;
using Xunit;

namespace Infisical.LocalServer.Tests;

/// <summary>One current-level server per test class, for tests that only read (keeps the suite fast).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public Harness H { get; private set; } = null!;

    public string Token { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        H = await Harness.StartAsync();
        Token = await H.LoginAsync();
    }

    public async Task DisposeAsync() => await H.DisposeAsync();
}
