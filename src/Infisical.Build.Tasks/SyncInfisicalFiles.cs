using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Infisical.Build.Tasks;

/// <summary>
/// Copies the files the outer build of a multi-targeting project generated into one inner build's obj/ folder,
/// with the same rules as a fetch: a file is replaced atomically and only when its content differs, so
/// timestamps stay put when nothing changed. This is what makes a multi-targeting build fetch only once.
/// </summary>
public sealed class SyncInfisicalFiles : MSBuildTask
{
    /// <summary>The generated files of the outer build.</summary>
    [Required]
    public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The inner build's folder for generated files.</summary>
    [Required]
    public string DestinationDirectory { get; set; } = string.Empty;

    /// <summary>The project being built, named as the location of errors.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The files now present in the destination folder, for FileWrites.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        var generated = new List<ITaskItem>();
        foreach (var source in SourceFiles)
        {
            var from = source.GetMetadata("FullPath");
            var to = Path.Combine(DestinationDirectory, Path.GetFileName(from));
            try
            {
                var written = AtomicFileWriter.WriteIfChanged(to, File.ReadAllText(from));
                Log.LogMessage(MessageImportance.Low, written ? $"Infisical: updated {to} from the outer build." : $"Infisical: {to} is up to date.");
            }
            catch (InfisicalBuildException ex)
            {
                Log.LogError("Infisical", ex.Code, null, ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0, ex.Message);
                return false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.LogError("Infisical", InfisicalBuildErrors.WriteFailed, null, ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode, 0, 0, 0, 0,
                    $"Could not read '{from}' written by the outer build ({ex.GetType().Name}). Build the project again; if it persists, delete the obj/ folder.");
                return false;
            }

            generated.Add(new Microsoft.Build.Utilities.TaskItem(to));
        }

        GeneratedFiles = generated.ToArray();
        return true;
    }
}
