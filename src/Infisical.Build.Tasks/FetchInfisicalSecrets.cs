using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Infisical.Build.Tasks;

/// <summary>
/// Fetches the secrets of one Infisical project/environment/folder and writes the appsettings-style JSON file,
/// the .env file and the names manifest, each only when its content changed. Credentials come from environment
/// variables only. Every failure is one coded INFB0xx error; no message ever holds a value or a credential.
/// </summary>
public sealed class FetchInfisicalSecrets : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The Infisical instance (SDK or CLI form); empty falls back to INFISICAL_API_URL, INFISICAL_DOMAIN, .infisical.json, then Infisical Cloud.</summary>
    public string? Host { get; set; }

    /// <summary>The project id (workspace id). One of ProjectId / ProjectSlug is required (or .infisical.json's workspaceId).</summary>
    public string? ProjectId { get; set; }

    /// <summary>The project slug.</summary>
    public string? ProjectSlug { get; set; }

    /// <summary>The environment slug, e.g. <c>dev</c>. There is deliberately no default.</summary>
    [Required]
    public string Environment { get; set; } = string.Empty;

    /// <summary>The folder to read; empty means .infisical.json's defaultSecretPath, else <c>/</c>.</summary>
    public string? SecretPath { get; set; }

    /// <summary>Also read sub-folders.</summary>
    public bool Recursive { get; set; }

    /// <summary>Merge imported secrets (local secrets win).</summary>
    public bool IncludeImports { get; set; } = true;

    /// <summary>Let the server expand <c>${...}</c> references.</summary>
    public bool ExpandSecretReferences { get; set; } = true;

    /// <summary><c>json</c>, <c>dotenv</c> or both, separated by <c>;</c>.</summary>
    public string OutputFormat { get; set; } = "json";

    /// <summary>Where the JSON file goes (required when the format includes json).</summary>
    public string? JsonOutputPath { get; set; }

    /// <summary>Where the .env file goes (required when the format includes dotenv).</summary>
    public string? DotEnvOutputPath { get; set; }

    /// <summary>Where the names manifest goes.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The Infisical CLI's .infisical.json, if any.</summary>
    public string? ProjectConfigFile { get; set; }

    /// <summary>The project being built, named as the location of errors (instead of the package's .targets file).</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Upper bound for the whole fetch, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The files this task manages (written or already up to date), for FileWrites.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Test seam: where environment variables come from.</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var redactor = new Redactor();
        try
        {
            return Run(redactor);
        }
        catch (InfisicalBuildException ex)
        {
            LogCodedError(ex.Code, redactor.Clean(ex.Message));
            return false;
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            LogCodedError(InfisicalBuildErrors.Timeout, "The Infisical fetch was cancelled.");
            return false;
        }
        catch (Exception ex)
        {
            // Never a stack trace: the type and a redacted message are enough to file a bug.
            LogCodedError(InfisicalBuildErrors.Unexpected, redactor.Clean($"Unexpected failure while fetching Infisical secrets ({ex.GetType().Name}: {ex.Message}). Please report it with this message."));
            return false;
        }
    }

    private bool Run(Redactor redactor)
    {
        var formats = OutputFormats.Parse(OutputFormat);
        var config = InfisicalProjectConfig.Load(ProjectConfigFile);
        var (host, hostSource) = HostResolver.Resolve(Host, GetEnvironmentVariable, config.Domain);
        var query = BuildQuery(host, config);
        var credentials = BuildCredentials.FromEnvironment(GetEnvironmentVariable);
        redactor.AddRange(credentials.SensitiveValues);

        if (config.HasIgnoredEnvironment)
        {
            Log.LogMessage(MessageImportance.Low, "Infisical: .infisical.json names a default environment or branch mapping; it is ignored, InfisicalEnv decides.");
        }

        var key = query.CacheKey(credentials.IdentityFingerprint);
        var secrets = FetchCache.TryGet(BuildEngine4, key);
        if (secrets != null)
        {
            Log.LogMessage(MessageImportance.Normal, $"Infisical: reused the {secrets.Count} secret(s) fetched earlier in this build for environment '{query.Environment}', path '{query.SecretPath}'.");
        }
        else
        {
            var stopwatch = Stopwatch.StartNew();
            secrets = Task.Run(() => SecretSource.FetchAsync(query, credentials, TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds)), _cancellation.Token)).GetAwaiter().GetResult();
            FetchCache.Put(BuildEngine4, key, secrets);
            Log.LogMessage(MessageImportance.High, $"Infisical: fetched {secrets.Count} secret(s) from {query.Host} ({hostSource}) for environment '{query.Environment}', path '{query.SecretPath}' in {stopwatch.ElapsedMilliseconds} ms using {credentials.Description}.");
        }

        redactor.AddRange(secrets.Select(s => s.Value));
        return WriteFiles(query, secrets, formats);
    }

    private SecretQuery BuildQuery(string host, InfisicalProjectConfig config)
    {
        var projectId = Blank(ProjectId);
        var projectSlug = Blank(ProjectSlug);
        if (projectId != null && projectSlug != null)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.AmbiguousProject,
                "Both InfisicalProjectId and InfisicalProjectSlug are set. Set only one of them.");
        }

        if (projectId == null && projectSlug == null)
        {
            projectId = config.WorkspaceId;
        }

        if (projectId == null && projectSlug == null)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.MissingProject,
                $"InfisicalEnv is '{Environment}' but no Infisical project is named. Set InfisicalProjectId (the project id from Infisical's project settings) or InfisicalProjectSlug, or run 'infisical init' to create .infisical.json.");
        }

        var environment = Environment.Trim();
        var path = Blank(SecretPath) ?? config.DefaultSecretPath ?? "/";
        path = path.Trim();
        if (!path.StartsWith("/", StringComparison.Ordinal) || path.Contains("//") || path.Contains("\\"))
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InvalidSecretPath,
                $"InfisicalSecretPath '{path}' is not an Infisical folder path. Use an absolute path with forward slashes, such as '/' or '/app/db'.");
        }

        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        if (environment.Length == 0 || environment.Any(char.IsWhiteSpace))
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.InvalidSetting,
                "InfisicalEnv must be an environment slug such as 'dev', 'staging' or 'prod', without spaces.");
        }

        return new SecretQuery(host, projectId, projectSlug, environment, path, Recursive, IncludeImports, ExpandSecretReferences);
    }

    private bool WriteFiles(SecretQuery query, IReadOnlyList<FetchedSecret> secrets, OutputFormats formats)
    {
        var problems = new List<BuildProblem>();
        var outputs = new List<(string Path, string Content)>();
        if (formats.Json)
        {
            outputs.Add((RequirePath(JsonOutputPath, "JsonOutputPath"), ConfigurationJsonWriter.Render(secrets, problems)));
        }

        if (formats.DotEnv)
        {
            outputs.Add((RequirePath(DotEnvOutputPath, "DotEnvOutputPath"), DotEnvRenderer.Render(secrets, DotEnvDialect.Portable, problems)));
        }

        foreach (var problem in problems.GroupBy(p => p.Message).Select(g => g.First()))
        {
            LogCodedError(problem.Code, problem.Message);
        }

        if (problems.Count > 0)
        {
            return false;
        }

        // The manifest goes last: the analyzer only ever sees names whose settings were written.
        outputs.Add((ManifestPath, ManifestWriter.Render(query, secrets)));
        var generated = new List<ITaskItem>();
        foreach (var (path, content) in outputs)
        {
            var written = AtomicFileWriter.WriteIfChanged(path, content);
            Log.LogMessage(MessageImportance.Low, written ? $"Infisical: wrote {path}." : $"Infisical: {path} is up to date.");
            generated.Add(new Microsoft.Build.Utilities.TaskItem(path));
        }

        GeneratedFiles = generated.ToArray();
        return true;
    }

    private static string RequirePath(string? path, string name) =>
        Blank(path) ?? throw new InfisicalBuildException(InfisicalBuildErrors.InvalidSetting, $"The FetchInfisicalSecrets task needs {name} for the chosen InfisicalOutputFormat.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private void LogCodedError(string code, string message) =>
        Log.LogError(subcategory: "Infisical", errorCode: code, helpKeyword: null, file: Blank(ProjectFile) ?? BuildEngine?.ProjectFileOfTaskNode, lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0, message: message);
}
