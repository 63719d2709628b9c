namespace Infisical.Build.Core.Diagnostics;

/// <summary>One coded problem found while turning secrets into files; several can be reported at once.</summary>
internal sealed class BuildProblem
{
    public BuildProblem(string code, string message)
    {
        Code = code;
        Message = message;
    }

    public string Code { get; }

    public string Message { get; }
}
