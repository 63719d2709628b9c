using System.Linq;
using Xunit;

namespace Infisical.Build.Tests.Support;

/// <summary>Checks that a build log holds neither the seeded credential nor any seeded secret value.</summary>
internal static class LeakAssert
{
    public static void NoSeededSecretIn(string text)
    {
        Assert.DoesNotContain(Seeds.ClientSecret, text);

        // Values shorter than this are ordinary words ("Warning") that may appear in any message.
        foreach (var value in Seeds.AwkwardDev.Values.Select(v => v.Trim()).Where(v => v.Length >= 6))
        {
            Assert.DoesNotContain(value, text);
        }
    }
}
