using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Infisical.Build.Core.Encryption;
using Infisical.Build.Core.Fetching;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Infisical.Build.Tasks;

/// <summary>
/// Merges the sources' snapshots (in the order given) and writes the settings file(s) and the names manifest,
/// each only when its content changed. When a source was skipped (InfisicalWhenUnavailable), nothing is
/// rewritten: the files of the last good build stay as they are, never emptied. In encrypt mode the snapshots are
/// sealed and the settings file is an envelope (EncryptedOutputStep); the login settings are then needed for KMS.
/// </summary>
public sealed class WriteInfisicalOutputs : InfisicalServerTask
{
    /// <summary>The snapshot files, in merge order, with metadata <c>Status</c> from GetInfisicalSnapshot.</summary>
    [Required]
    public ITaskItem[] Snapshots { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>json</c>, <c>dotenv</c> or both, separated by <c>;</c>.</summary>
    public string OutputFormat { get; set; } = "json";

    public string? JsonOutputPath { get; set; }

    public string? DotEnvOutputPath { get; set; }

    /// <summary>InfisicalDotEnvDialect: which .env parsers the file must satisfy.</summary>
    public string? DotEnvDialect { get; set; }

    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>InfisicalRequiredSecret items.</summary>
    public ITaskItem[] RequiredSecrets { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>InfisicalDuplicateSecrets: <c>warn</c> (default) or <c>error</c>.</summary>
    public string? DuplicateSecrets { get; set; }

    /// <summary>InfisicalUnrepresentableSecrets: <c>error</c> (default) or <c>skip</c>.</summary>
    public string? UnrepresentableSecrets { get; set; }

    /// <summary>The files this task manages that exist now, for FileWrites and the copy to the output folder.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    protected override bool Run()
    {
        var request = new OutputRequest
        {
            Formats = OutputFormats.Parse(OutputFormat),
            JsonPath = Blank(JsonOutputPath),
            DotEnvPath = Blank(DotEnvOutputPath),
            DotEnvDialect = Blank(DotEnvDialect),
            ManifestPath = ManifestPath,
            RequiredSecrets = RequiredSecrets.Select(i => i.ItemSpec.Trim()).Where(n => n.Length > 0).ToList(),
            DuplicatesAreErrors = Choice(DuplicateSecrets, "InfisicalDuplicateSecrets", "warn", "error"),
            SkipUnrepresentable = Choice(UnrepresentableSecrets, "InfisicalUnrepresentableSecrets", "error", "skip"),
        };

        if (Snapshots.Any(s => s.GetMetadata("Status") == nameof(SnapshotStatus.Skipped)))
        {
            LogLine(MessageImportance.High, "Infisical: a source was skipped, so the settings files are left as the last good build wrote them.");
            GeneratedFiles = Existing(request).ToArray();
            return true;
        }

        var mode = EncryptMode(request.Formats);
        var snapshots = new List<SecretSnapshot>();
        foreach (var item in Snapshots)
        {
            var snapshot = SnapshotStore.TryReadFile(item.GetMetadata("FullPath"))
                ?? throw new InfisicalBuildException(InfisicalBuildErrors.StoreUnreadable, $"The Infisical snapshot '{item.ItemSpec}' is missing. Build again; if it persists, run 'dotnet clean'.");
            Redactor.AddRange(snapshot.Secrets.Select(s => s.Value));
            snapshots.Add(snapshot);
        }

        var result = mode.Encrypt ? RunEncrypted(mode, snapshots, request) : OutputStep.Run(snapshots, request);
        foreach (var warning in result.Warnings)
        {
            LogProblem(warning, warning: true);
        }

        foreach (var error in result.Errors)
        {
            LogProblem(error, warning: false);
        }

        if (result.Errors.Count > 0)
        {
            return false;
        }

        foreach (var file in result.Files)
        {
            LogLine(MessageImportance.Low, result.Written.Contains(file) ? $"Infisical: wrote {file}." : $"Infisical: {file} is up to date.");
        }

        GeneratedFiles = result.Files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
        return true;
    }

    private OutputResult RunEncrypted(EncryptModeSettings mode, List<SecretSnapshot> snapshots, OutputRequest request)
    {
        var tokens = Tokens();
        var timeout = ParseTimeout();
        var step = new EncryptedOutputStep(mode, () => new SnapshotFetcher(Credentials().Resolve(), tokens, timeout, Redactor, InsecureHttpAllowed), Redactor);
        var statePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ManifestPath))!, "infisical.encrypt.state");
        var result = System.Threading.Tasks.Task.Run(() => step.RunAsync(snapshots, request, statePath, Cancellation)).GetAwaiter().GetResult();
        if (step.WasCurrent)
        {
            LogLine(MessageImportance.Normal, "Infisical: the encrypted settings are current (the sealed snapshots did not change); no KMS call.");
        }

        return result;
    }

    private IEnumerable<ITaskItem> Existing(OutputRequest request) =>
        new[] { request.JsonPath, request.DotEnvPath, request.ManifestPath }
            .Where(p => p != null && File.Exists(p))
            .Select(p => (ITaskItem)new TaskItem(p));

    /// <summary>Parses a two-valued setting; true means <paramref name="other"/>.</summary>
    private static bool Choice(string? raw, string property, string @default, string other)
    {
        var value = (Blank(raw) ?? @default).ToLowerInvariant();
        if (value == @default || value == other)
        {
            return value == other;
        }

        throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"{property} '{raw!.Trim()}' is not supported. Use '{@default}' (the default) or '{other}'.");
    }
}
