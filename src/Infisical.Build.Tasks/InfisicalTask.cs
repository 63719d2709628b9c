using System;
using System.Threading;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Infisical.Build.Tasks;

/// <summary>
/// What every Infisical task shares: coded errors and warnings located at the project being built, every
/// message passed through the redactor first, cancellation, and no stack trace ever.
/// </summary>
public abstract class InfisicalTask : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The project being built, named as the location of errors (instead of the package's .targets file).</summary>
    public string? ProjectFile { get; set; }

    internal Redactor Redactor { get; } = new();

    /// <summary>Test seam: where environment variables come from.</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Cancelled when MSBuild cancels the build (Ctrl+C).</summary>
    protected CancellationToken Cancellation => _cancellation.Token;

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            return Run() && !Log.HasLoggedErrors;
        }
        catch (InfisicalBuildException ex)
        {
            LogProblem(new BuildProblem(ex.Code, ex.Message), warning: false);
            return false;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            LogProblem(new BuildProblem(InfisicalBuildErrors.Timeout, "The Infisical step was cancelled."), warning: false);
            return false;
        }
        catch (Exception ex)
        {
            // The type and a redacted message are enough to file a bug; a stack trace would only add noise.
            LogProblem(new BuildProblem(InfisicalBuildErrors.Unexpected, $"Unexpected failure in the Infisical build step ({ex.GetType().Name}: {ex.Message}). Please report it with this message."), warning: false);
            return false;
        }
    }

    /// <summary>The task's work; return false only after logging an error.</summary>
    protected abstract bool Run();

    internal void LogProblem(BuildProblem problem, bool warning)
    {
        var file = string.IsNullOrWhiteSpace(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFile;
        var message = Redactor.Clean(problem.Message);
        if (warning)
        {
            Log.LogWarning("Infisical", problem.Code, null, file, 0, 0, 0, 0, message);
        }
        else
        {
            Log.LogError("Infisical", problem.Code, null, file, 0, 0, 0, 0, message);
        }
    }

    internal void LogLine(MessageImportance importance, string message) => Log.LogMessage(importance, Redactor.Clean(message));

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
