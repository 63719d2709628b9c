using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary><c>GET /api/status</c>, in the 2024 shape (the current shape is unconfirmed: docs/infisical-api-notes.md, "Server status"). No auth.</summary>
internal sealed class StatusEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/status", (ServerClock clock) => JsonResponse.Ok(new JsonObject
        {
            ["date"] = ServerClock.Iso(clock.UtcNow),
            ["message"] = "Ok",
            ["emailConfigured"] = false,
            ["inviteOnlySignup"] = false,
            ["redisConfigured"] = false,
            ["secretScanningConfigured"] = false,
        }));
    }
}
