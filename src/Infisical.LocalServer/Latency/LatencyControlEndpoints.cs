using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// <c>/__test/latency</c> (only with <see cref="LocalServerOptions.EnableTestControls"/>): read or replace the
/// added latency per route class while the server runs, e.g. to measure one build at loopback speed and the next
/// at the real server's.
/// </summary>
internal sealed class LatencyControlEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<LocalServerOptions>().EnableTestControls)
        {
            return;
        }

        routes.MapGet("/__test/latency", (LatencyInjector latency) => Body(latency.Current));
        routes.MapDelete("/__test/latency", (LatencyInjector latency) =>
        {
            latency.Set(null);
            return Body(latency.Current);
        });
        routes.MapPut("/__test/latency", async (HttpContext http, LatencyInjector latency) =>
        {
            var (body, error) = await RequestBody.ReadAsync(http);
            if (error != null)
            {
                return (IResult)error;
            }

            var input = new InputReader(CompatibilityLevel.Current);
            var preset = input.String(body!, "profile", required: false);
            var profile = preset?.ToLowerInvariant() switch
            {
                "real" => LatencyProfile.RealServer,
                null or "none" => new LatencyProfile(),
                _ => null,
            };
            if (profile == null)
            {
                input.Add(ZodIssues.Custom(new[] { "profile" }, "profile must be 'real' or 'none'"));
            }
            else
            {
                profile.LoginMilliseconds = Milliseconds(input, body!, "loginMilliseconds") ?? profile.LoginMilliseconds;
                profile.ListMilliseconds = Milliseconds(input, body!, "listMilliseconds") ?? profile.ListMilliseconds;
                profile.GetMilliseconds = Milliseconds(input, body!, "getMilliseconds") ?? profile.GetMilliseconds;
                profile.OtherMilliseconds = Milliseconds(input, body!, "otherMilliseconds") ?? profile.OtherMilliseconds;
            }

            if (input.HasIssues)
            {
                return new ApiErrors(CompatibilityLevel.Current).Validation(input.Issues);
            }

            latency.Set(profile);
            return Body(latency.Current);
        });
    }

    private static int? Milliseconds(InputReader input, JsonObject body, string name)
    {
        var value = input.Number(body, name);
        if (value is < 0 or > 60_000 || (value != null && value != System.Math.Floor(value.Value)))
        {
            input.Add(ZodIssues.Custom(new[] { name }, name + " must be a whole number from 0 to 60000"));
            return null;
        }

        return (int?)value;
    }

    private static JsonResponse Body(LatencyProfile p) => JsonResponse.Ok(new JsonObject
    {
        ["loginMilliseconds"] = p.LoginMilliseconds,
        ["listMilliseconds"] = p.ListMilliseconds,
        ["getMilliseconds"] = p.GetMilliseconds,
        ["otherMilliseconds"] = p.OtherMilliseconds,
    });
}
