using System;

namespace Infisical.Client.Secrets;

/// <summary>
/// Compares an update's answer with what was asked. Older servers (the self-hosted build of July 2024, see
/// docs/infisical-api-notes.md) have no <c>newSecretName</c> or <c>secretComment</c> on update: their schema strips
/// both and answers 200, so only the answer shows that the rename or comment was not applied. They also require a
/// value on every update and refuse one without it before changing anything.
/// </summary>
internal static class UpdateAnswerCheck
{
    /// <summary>
    /// Whether a refused update failed only because the server insists on a value. The client does not fetch and
    /// resend the current value on its own: another writer may change it in between, and the update would then
    /// silently undo that change.
    /// </summary>
    public static bool IsValueRequired(InfisicalApiException error, UpdateSecretOptions options) =>
        options.SecretValue == null
        && (int)error.StatusCode is 403 or 422
        && string.Equals(error.Error, "ValidationFailure", StringComparison.Ordinal)
        && error.Messages.Count == 1
        && error.Messages[0].StartsWith("secretValue: ", StringComparison.Ordinal);

    public static InfisicalUnsupportedFeatureException ValueRequired(UpdateSecretOptions options) => new(
        InfisicalServerFeature.SecretUpdateWithoutValue,
        $"This Infisical server requires a value on every secret update, so '{options.SecretName}' was not changed: set "
        + "UpdateSecretOptions.SecretValue (to the current value, to keep it), or upgrade the server.");

    /// <summary>Throws when the server answered with the secret but did not apply a rename or comment that was asked for.</summary>
    public static void Verify(UpdateSecretOptions options, SecretMutationResult result)
    {
        if (result.Secret is not { } secret)
        {
            return; // sent for approval: nothing was applied yet, so there is nothing to compare
        }

        var oldName = options.SecretName.Trim();
        var newName = options.NewSecretName?.Trim();
        if (!string.IsNullOrEmpty(newName) && newName != oldName && secret.SecretKey == oldName)
        {
            throw new InfisicalUnsupportedFeatureException(
                InfisicalServerFeature.SecretRename,
                $"This Infisical server does not support renaming secrets: the update of '{oldName}' answered with the "
                + $"secret still named '{oldName}', not '{newName}'. {AppliedNote(options)}Upgrade the server, or "
                + $"create '{newName}' and delete '{oldName}'.");
        }

        if (options.SecretComment != null && secret.SecretComment != null && secret.SecretComment != options.SecretComment)
        {
            throw new InfisicalUnsupportedFeatureException(
                InfisicalServerFeature.SecretCommentUpdate,
                $"This Infisical server does not store comments on update: '{secret.SecretKey}' kept its previous comment. "
                + $"{AppliedNote(options)}Upgrade the server, or recreate the secret with the comment.");
        }
    }

    // The server applied the rest of the update; say so, so nobody retries it believing nothing happened.
    private static string AppliedNote(UpdateSecretOptions options) =>
        options.SecretValue != null ? "The new value was applied. " : string.Empty;
}
