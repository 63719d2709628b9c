using Microsoft.AspNetCore.Routing;

namespace Infisical.LocalServer;

/// <summary>
/// A group of routes. Every non-abstract implementation in this assembly is created (parameterless constructor)
/// and mapped at startup, so adding a feature never requires editing Program.cs. Resolve services with
/// <c>routes.ServiceProvider</c> or through handler parameters (minimal-API injection).
/// </summary>
internal interface IEndpointModule
{
    /// <summary>Maps this module's routes.</summary>
    void Map(IEndpointRouteBuilder routes);
}
