using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;

namespace Infisical.Build.Core.Fetching;

/// <summary>
/// Fetches one folder (optionally recursive) with the Infisical client and turns every client failure into a
/// coded build error that says what to fix, carrying the server's message but never a credential.
/// </summary>
internal static class SecretSource
{
    private const string HiddenMarker = "<hidden-by-infisical>";

    public static async Task<IReadOnlyList<FetchedSecret>> FetchAsync(SecretQuery query, BuildCredentials credentials, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var options = new InfisicalClientOptions
        {
            Host = query.Host,
            Token = credentials.AccessToken,
            CacheTtl = null,

            // A build should fail fast and clearly rather than sit in long back-offs.
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
            Timeout = timeout,
        };

        var stage = "log in";
        try
        {
            using var client = new InfisicalClient(options);
            if (credentials.AccessToken == null)
            {
                await client.Auth.UniversalAuth.LoginAsync(credentials.ClientId!, credentials.ClientSecret!, timeoutSource.Token).ConfigureAwait(false);
            }

            stage = "list secrets";
            var response = await client.Secrets.ListAsync(
                new ListSecretsOptions
                {
                    ProjectId = query.ProjectId,
                    ProjectSlug = query.ProjectSlug,
                    EnvironmentSlug = query.Environment,
                    SecretPath = query.SecretPath,
                    Recursive = query.Recursive,
                    IncludeImports = query.IncludeImports,
                    ExpandSecretReferences = query.ExpandSecretReferences,
                    ViewSecretValue = true,
                },
                timeoutSource.Token).ConfigureAwait(false);

            return Convert(response.Secrets, query);
        }
        catch (InfisicalApiException ex)
        {
            throw FromApiError(ex, stage, query, credentials);
        }
        catch (InfisicalTimeoutException)
        {
            throw TimedOut(query, timeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(query, timeout);
        }
        catch (InfisicalException ex)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.HostUnreachable,
                $"Could not {stage} at {query.Host}: {ex.Message.TrimEnd('.')}. Check InfisicalHost (or INFISICAL_API_URL / INFISICAL_DOMAIN) and the network, then build again.");
        }
    }

    private static IReadOnlyList<FetchedSecret> Convert(IEnumerable<BaseSecret> secrets, SecretQuery query)
    {
        var result = new List<FetchedSecret>();
        foreach (var secret in secrets)
        {
            var path = string.IsNullOrEmpty(secret.SecretPath) ? query.SecretPath : secret.SecretPath!;
            if (secret.SecretValueHidden == true || (secret.SecretValueHidden == null && secret.SecretValue == HiddenMarker))
            {
                throw new InfisicalBuildException(
                    InfisicalBuildErrors.ValueHidden,
                    $"Infisical hid the value of secret '{secret.SecretKey}' (in {path}): the machine identity may list it but not read its value. Grant it read access to secret values in environment '{query.Environment}'.");
            }

            result.Add(new FetchedSecret(secret.SecretKey, path, secret.SecretValue));
        }

        return result;
    }

    private static InfisicalBuildException TimedOut(SecretQuery query, TimeSpan timeout) =>
        new(InfisicalBuildErrors.Timeout,
            $"Infisical at {query.Host} did not answer within {timeout.TotalSeconds:0} s. Check the host and network, or raise InfisicalTimeoutSeconds.");

    private static InfisicalBuildException FromApiError(InfisicalApiException ex, string stage, SecretQuery query, BuildCredentials credentials)
    {
        var status = (int)ex.StatusCode;
        var serverSays = ex.Messages.Count > 0 ? string.Join("; ", ex.Messages) : ex.Message;
        var detail = $"{query.Host} answered {status} to '{stage}': \"{serverSays}\"" + (ex.ReqId != null ? $" (request {ex.ReqId})" : string.Empty) + ".";
        var project = query.ProjectId != null ? $"project id '{query.ProjectId}'" : $"project slug '{query.ProjectSlug}'";

        if (stage == "log in" && (status is 400 or 401 or 403 or 404 or 422))
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.AuthenticationFailed,
                $"Infisical rejected the credentials ({credentials.Description}). {detail} Check INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET.");
        }

        if (status == 401 || ex.IsTokenError)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.AuthenticationFailed,
                $"Infisical rejected the credentials ({credentials.Description}). {detail} Provide a valid, unexpired token or Universal Auth client id and secret.");
        }

        if (status == 403)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.AccessDenied,
                $"The machine identity may not read secrets of {project}, environment '{query.Environment}', path '{query.SecretPath}'. {detail} Grant it access in Infisical, or fix InfisicalProjectId/InfisicalProjectSlug, InfisicalEnv and InfisicalSecretPath.");
        }

        if (status == 404 || status == 400)
        {
            return new InfisicalBuildException(
                InfisicalBuildErrors.NotFound,
                $"Infisical could not find {project}, environment '{query.Environment}' or path '{query.SecretPath}'. {detail} Fix InfisicalProjectId/InfisicalProjectSlug, InfisicalEnv or InfisicalSecretPath.");
        }

        return new InfisicalBuildException(
            InfisicalBuildErrors.ServerError,
            $"Infisical failed to {stage}. {detail} Try again later; if it persists, check the server.");
    }
}
