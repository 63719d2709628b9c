namespace Infisical.Client.Tests.Support;

/// <summary>
/// Iterations for property-based fuzz tests: small by default so CI stays fast, more when
/// <c>INFISICAL_FUZZ_ITERATIONS</c> is set (e.g. <c>INFISICAL_FUZZ_ITERATIONS=100000 dotnet test --filter Fuzz</c>).
/// Single-threaded: the suite shares few cores and the properties are about inputs, not concurrency.
/// </summary>
public static class FuzzBudget
{
    public const string Variable = "INFISICAL_FUZZ_ITERATIONS";

    public static long Iterations(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) && n > 0 ? n : byDefault;
}
