using System;
using System.Collections.Generic;
using System.Linq;
using Infisical.Build.Core.Merging;
using Infisical.Build.Core.Snapshots;

namespace Infisical.Build.Core.Pipeline;

/// <summary>What to render, where, and how strictly.</summary>
internal sealed class OutputRequest
{
    public OutputFormats Formats { get; set; } = OutputFormats.Parse("json");

    public string? JsonPath { get; set; }

    public string? DotEnvPath { get; set; }

    /// <summary>InfisicalDotEnvDialect; null is the default.</summary>
    public string? DotEnvDialect { get; set; }

    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>InfisicalRequiredSecret items: names that must be present after the merge.</summary>
    public IReadOnlyList<string> RequiredSecrets { get; set; } = Array.Empty<string>();

    /// <summary>InfisicalDuplicateSecrets=error.</summary>
    public bool DuplicatesAreErrors { get; set; }

    /// <summary>InfisicalUnrepresentableSecrets=skip: leave out a secret an output can't hold (with a warning).</summary>
    public bool SkipUnrepresentable { get; set; }
}

/// <summary>The result of <see cref="OutputStep.Run"/>: errors mean nothing was written.</summary>
internal sealed class OutputResult
{
    public List<BuildProblem> Errors { get; } = new();

    public List<BuildProblem> Warnings { get; } = new();

    /// <summary>Every file this step manages (written now or already current).</summary>
    public List<string> Files { get; } = new();

    /// <summary>The files whose content changed in this run.</summary>
    public List<string> Written { get; } = new();
}

/// <summary>The rendered files of one run, not yet written; <see cref="OutputStep.Write"/> writes them.</summary>
internal sealed class PreparedOutputs
{
    public PreparedOutputs(OutputResult result) => Result = result;

    public OutputResult Result { get; }

    /// <summary>Path and content, the names manifest last.</summary>
    public List<(string Path, string Content)> Files { get; } = new();

    /// <summary>The settings JSON's index in <see cref="Files"/>, or -1.</summary>
    public int JsonIndex { get; set; } = -1;
}

/// <summary>
/// Merge, check and render: the sources' snapshots become the settings file(s) and the names manifest. Every
/// problem is collected first, so one build lists them all; nothing is written unless all outputs render, and
/// each file is rewritten only when its content changes. Encrypt mode (EncryptedOutputStep) runs the same two
/// halves with the settings JSON sealed in between, so the plaintext never reaches a file.
/// </summary>
internal static class OutputStep
{
    public static OutputResult Run(IReadOnlyList<SecretSnapshot> snapshots, OutputRequest request)
    {
        var prepared = Prepare(snapshots, request);
        return prepared.Result.Errors.Count > 0 ? prepared.Result : Write(prepared);
    }

    /// <summary>Merges, checks and renders in memory; when the result has errors, nothing may be written.</summary>
    public static PreparedOutputs Prepare(IReadOnlyList<SecretSnapshot> snapshots, OutputRequest request)
    {
        var result = new OutputResult();
        var prepared = new PreparedOutputs(result);
        var mergeProblems = new List<BuildProblem>();
        var merged = SourceMerger.Merge(snapshots, request.DuplicatesAreErrors, mergeProblems);
        (request.DuplicatesAreErrors ? result.Errors : result.Warnings).AddRange(mergeProblems);

        var names = new HashSet<string>(merged.Select(m => m.Secret.Name), StringComparer.Ordinal);
        foreach (var required in request.RequiredSecrets.Where(n => !names.Contains(n)).Distinct(StringComparer.Ordinal))
        {
            result.Errors.Add(new BuildProblem(
                InfisicalBuildErrors.RequiredSecretMissing,
                $"Required secret '{required}' (InfisicalRequiredSecret) is not in {Describe(snapshots)}. Add it in Infisical, or fix the source settings.",
                required));
        }

        var secrets = merged.Select(m => m.Secret).ToList();
        var outputs = prepared.Files;
        if (request.Formats.Json)
        {
            prepared.JsonIndex = outputs.Count;
            outputs.Add((Require(request.JsonPath, "JsonOutputPath"), Render(secrets, request, result, ConfigurationJsonWriter.Render)));
        }

        if (request.Formats.DotEnv)
        {
            var dialect = DotEnvDialects.Parse(request.DotEnvDialect);
            outputs.Add((Require(request.DotEnvPath, "DotEnvOutputPath"), Render(secrets, request, result, (s, p) => DotEnvRenderer.Render(s, dialect, p))));
        }

        if (result.Errors.Count == 0)
        {
            // The manifest goes last: the analyzer only ever sees names whose settings were written.
            outputs.Add((request.ManifestPath, ManifestWriter.Render(snapshots.Select(s => s.Source).ToList(), merged)));
        }

        return prepared;
    }

    /// <summary>Writes each prepared file whose content changed.</summary>
    public static OutputResult Write(PreparedOutputs prepared)
    {
        var result = prepared.Result;
        foreach (var (path, content) in prepared.Files)
        {
            // The folder that holds secrets is the owner's alone (0700), whatever the umask made obj/.
            SecureDirectory.Create(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            if (AtomicFileWriter.WriteIfChanged(path, content))
            {
                result.Written.Add(path);
            }

            result.Files.Add(path);
        }

        return result;
    }

    private static string Render(List<FetchedSecret> secrets, OutputRequest request, OutputResult result, Func<IReadOnlyList<FetchedSecret>, List<BuildProblem>, string> render)
    {
        var problems = new List<BuildProblem>();
        var content = render(secrets, problems);
        if (problems.Count == 0)
        {
            return content;
        }

        // Skipping is per secret and per output, and only for problems that are about one secret.
        if (request.SkipUnrepresentable && problems.All(p => p.SecretName != null))
        {
            var skipped = new HashSet<string>(problems.Select(p => p.SecretName!), StringComparer.Ordinal);
            foreach (var problem in problems)
            {
                result.Warnings.Add(new BuildProblem(InfisicalBuildErrors.SecretSkipped, $"Left out of this output (InfisicalUnrepresentableSecrets=skip): {problem.Message}", problem.SecretName));
            }

            var retry = new List<BuildProblem>();
            content = render(secrets.Where(s => !skipped.Contains(s.Name)).ToList(), retry);
            result.Errors.AddRange(retry);
            return content;
        }

        result.Errors.AddRange(problems.GroupBy(p => p.Message).Select(g => g.First()));
        return content;
    }

    private static string Describe(IReadOnlyList<SecretSnapshot> snapshots) =>
        snapshots.Count == 1 ? snapshots[0].Source.Describe() : "any of the " + snapshots.Count + " Infisical sources";

    private static string Require(string? path, string name) =>
        string.IsNullOrWhiteSpace(path) ? throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"The WriteInfisicalOutputs task needs {name} for the chosen InfisicalOutputFormat.") : path!;
}
