namespace Infisical.Build.Core.Diagnostics;

/// <summary>One coded problem found while turning secrets into files; several can be reported at once.</summary>
internal sealed class BuildProblem
{
    public BuildProblem(string code, string message, string? secretName = null)
    {
        Code = code;
        Message = message;
        SecretName = secretName;
    }

    public string Code { get; }

    public string Message { get; }

    /// <summary>
    /// The secret the problem is about, when it is about one: with InfisicalUnrepresentableSecrets=skip that one
    /// secret is left out of the output instead of failing the build.
    /// </summary>
    public string? SecretName { get; }
}
