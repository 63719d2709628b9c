using System.Collections.Generic;

namespace Infisical.Client.Tests.Support;

/// <summary><c>[MemberData(nameof(BothModes.All), MemberType = typeof(BothModes))]</c>: run a theory against both server generations.</summary>
public static class BothModes
{
    public static IEnumerable<object[]> All => new[]
    {
        new object[] { CompatibilityLevel.Current },
        new object[] { CompatibilityLevel.Legacy2024 },
    };
}
