using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace Infisical.Build.Tasks;

/// <summary>
/// Shares one fetch between the inner builds of a multi-targeting project (and between projects that ask for
/// the same secrets) for the length of one build, through MSBuild's registered task objects. The entry lives
/// in memory only and is dropped when the build ends, so the next build always sees fresh secrets.
/// </summary>
internal static class FetchCache
{
    public static IReadOnlyList<FetchedSecret>? TryGet(IBuildEngine4 engine, string key) =>
        engine.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) as IReadOnlyList<FetchedSecret>;

    public static void Put(IBuildEngine4 engine, string key, IReadOnlyList<FetchedSecret> secrets) =>
        engine.RegisterTaskObject(key, secrets, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
}
