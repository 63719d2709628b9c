using System.Threading.Tasks;
using Xunit;
using static Infisical.Analyzers.Tests.Infrastructure.Verifier;

namespace Infisical.Analyzers.Tests;

/// <summary>.NET Aspire client integrations read ConnectionStrings:&lt;connectionName&gt;.</summary>
public sealed class AspireConnectionNameTests
{
    // The shape of Aspire's integrations (Aspire packages are not referenced by the tests): extension methods in
    // Microsoft.Extensions.Hosting on the host builder, with a 'connectionName' parameter.
    private const string AspireShape = """
        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostApplicationBuilderLike { }
            public static class AspireLikeExtensions
            {
                public static void AddRedisClient(this IHostApplicationBuilderLike builder, string connectionName, object? configure = null) { }
                public static void AddNpgsqlDbContext<T>(this IHostApplicationBuilderLike builder, string connectionName) { }
                public static void AddServiceDefaults(this IHostApplicationBuilderLike builder, string name) { }
            }
        }
        """;

    [Fact]
    public Task Connection_names_are_checked_as_connection_strings() => VerifyAsync(
        AspireShape + """
        class C
        {
            void M(Microsoft.Extensions.Hosting.IHostApplicationBuilderLike b)
            {
                Microsoft.Extensions.Hosting.AspireLikeExtensions.AddRedisClient(b, "Db");
                Microsoft.Extensions.Hosting.AspireLikeExtensions.AddNpgsqlDbContext<C>(b, {|#0:"Dbb"|});
                Microsoft.Extensions.Hosting.AspireLikeExtensions.AddRedisClient(b, "cache");
                Microsoft.Extensions.Hosting.AspireLikeExtensions.AddServiceDefaults(b, "DB_PASWORD");
            }
        }
        """,
        Inf001(0, "ConnectionStrings:Dbb", DidYouMean("ConnectionStrings:Db")));
}
