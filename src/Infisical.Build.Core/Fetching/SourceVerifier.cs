using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;

namespace Infisical.Build.Core.Fetching;

/// <summary>
/// Infisical answers a list for an unknown environment or a missing folder with an empty list, exactly like an
/// empty folder. Asked only when a list came back empty (so a normal build pays nothing), this tells the three
/// apart: an unknown environment and a missing folder are errors naming what exists; a real empty folder is a warning.
/// </summary>
internal sealed class SourceVerifier
{
    private readonly InfisicalClient _client;

    public SourceVerifier(InfisicalClient client) => _client = client;

    /// <summary>Throws INFB040/INFB041, or returns the INFB042 warning for a folder that exists and is empty.</summary>
    public async Task<BuildProblem> ExplainEmptyAsync(SourceSpec source, CancellationToken cancellationToken)
    {
        Infisical.Client.Projects.InfisicalProject project;
        try
        {
            project = await _client.Projects.GetAsync(source.ProjectId, source.ProjectSlug, cancellationToken).ConfigureAwait(false);
        }
        catch (InfisicalApiException)
        {
            // The identity may read secrets but not the project: say what is known, and do not guess.
            return new BuildProblem(
                InfisicalBuildErrors.EmptyFolder,
                $"Infisical returned no secrets for {source.Describe()}, and the machine identity may not read the project to check that the environment and folder exist. Check InfisicalEnv and InfisicalSecretPath.");
        }

        if (project.Environments.Count > 0 && !project.Environments.Any(e => e.Slug == source.Environment))
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.UnknownEnvironment,
                $"Infisical {source.ProjectDescription} has no environment '{source.Environment}'. Its environments are: {string.Join(", ", project.Environments.Select(e => e.Slug))}. Fix InfisicalEnv (or the InfisicalSource's Environment).");
        }

        bool exists;
        try
        {
            exists = await _client.Projects.FolderExistsAsync(project.Id, source.Environment, source.SecretPath, cancellationToken).ConfigureAwait(false);
        }
        catch (InfisicalApiException)
        {
            return new BuildProblem(
                InfisicalBuildErrors.EmptyFolder,
                $"Infisical returned no secrets for {source.Describe()}, and the folder list could not be read to check that the folder exists. Check InfisicalSecretPath.");
        }

        if (!exists)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.MissingFolder,
                $"Infisical {source.ProjectDescription}, environment '{source.Environment}', has no folder '{source.SecretPath}'. Fix InfisicalSecretPath (or the InfisicalSource's path), or create the folder.");
        }

        return new BuildProblem(
            InfisicalBuildErrors.EmptyFolder,
            $"Infisical folder '{source.SecretPath}' of {source.ProjectDescription}, environment '{source.Environment}', exists but holds no secrets.");
    }
}
