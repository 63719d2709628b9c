using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Infisical.LocalServer;

/// <summary>
/// <c>/__test/…</c> routes (only with <see cref="LocalServerOptions.EnableTestControls"/>): faults, request log,
/// clock and approval policies. Not part of the Infisical API.
/// </summary>
internal sealed class TestControlEndpoints : IEndpointModule
{
    /// <inheritdoc />
    public void Map(IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<LocalServerOptions>().EnableTestControls)
        {
            return;
        }

        routes.MapPost("/__test/faults", async (HttpContext http, TestControls controls) =>
        {
            var (body, error) = await RequestBody.ReadAsync(http);
            if (error != null)
            {
                return (IResult)error;
            }

            var input = new InputReader(CompatibilityLevel.Current);
            var rule = new FaultRule
            {
                PathContains = input.String(body!, "pathContains", required: true) ?? "/",
                Method = input.String(body!, "method", required: false),
                Count = (int)(input.Number(body!, "count") ?? 1),
                StatusCode = (int)(input.Number(body!, "statusCode") ?? 503),
                RetryAfter = input.String(body!, "retryAfter", required: false),
                RateLimitReset = input.String(body!, "rateLimitReset", required: false),
                Abort = input.Bool(body!, "abort") ?? false,
                DelayMilliseconds = (int)(input.Number(body!, "delayMilliseconds") ?? 0),
            };
            if (input.HasIssues)
            {
                return new ApiErrors(CompatibilityLevel.Current).Validation(input.Issues);
            }

            controls.InjectFault(rule);
            return JsonResponse.Ok(new JsonObject { ["ok"] = true });
        });
        routes.MapDelete("/__test/faults", (TestControls controls) =>
        {
            controls.ClearFaults();
            return JsonResponse.Ok(new JsonObject { ["ok"] = true });
        });
        routes.MapGet("/__test/requests", (TestControls controls) => JsonResponse.Ok(new JsonObject
        {
            ["requests"] = new JsonArray(controls.Requests.Select(r => (JsonNode?)new JsonObject
            {
                ["at"] = ServerClock.Iso(r.At),
                ["method"] = r.Method,
                ["path"] = r.Path,
                ["query"] = r.Query,
                ["status"] = r.Status,
                ["faulted"] = r.Faulted,
            }).ToArray()),
        }));
        routes.MapDelete("/__test/requests", (TestControls controls) =>
        {
            controls.ClearRequests();
            return JsonResponse.Ok(new JsonObject { ["ok"] = true });
        });
        routes.MapGet("/__test/clock", (TestControls controls) => ClockBody(controls));
        routes.MapPost("/__test/clock/advance", async (HttpContext http, TestControls controls) =>
        {
            var (body, error) = await RequestBody.ReadAsync(http);
            if (error != null)
            {
                return (IResult)error;
            }

            var input = new InputReader(CompatibilityLevel.Current);
            var seconds = input.Number(body!, "seconds");
            if (seconds == null)
            {
                input.Add(ZodIssues.Required(CompatibilityLevel.Current, new[] { "seconds" }, "number"));
            }

            if (input.HasIssues)
            {
                return new ApiErrors(CompatibilityLevel.Current).Validation(input.Issues);
            }

            controls.AdvanceClock(TimeSpan.FromSeconds(seconds!.Value));
            return ClockBody(controls);
        });
        routes.MapPost("/__test/approval-policies", async (HttpContext http, ServerState state) =>
        {
            var (body, error) = await RequestBody.ReadAsync(http);
            if (error != null)
            {
                return (IResult)error;
            }

            var input = new InputReader(CompatibilityLevel.Current);
            var projectId = input.String(body!, "projectId", required: true);
            var environment = input.String(body!, "environment", required: true);
            var path = input.String(body!, "secretPath", required: false) ?? "/";
            var errors = new ApiErrors(CompatibilityLevel.Current);
            if (input.HasIssues)
            {
                return errors.Validation(input.Issues);
            }

            lock (state.SyncRoot)
            {
                var project = state.FindProject(projectId, projectId);
                if (project?.FindEnvironment(environment) == null)
                {
                    return errors.NotFound("Project or environment not found");
                }

                var policy = ApprovalPolicy.Create("test-policy", environment!, path);
                project.ApprovalPolicies.Add(policy);
                return JsonResponse.Ok(new JsonObject { ["id"] = policy.Id });
            }
        });
    }

    private static JsonResponse ClockBody(TestControls controls) => JsonResponse.Ok(new JsonObject
    {
        ["now"] = ServerClock.Iso(controls.Clock.UtcNow),
        ["offsetSeconds"] = controls.Clock.Offset.TotalSeconds,
    });
}
