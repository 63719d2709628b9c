using System.Collections.Generic;

namespace Infisical.Client;

/// <summary>Whether a secret is shared by the environment or a user's personal override.</summary>
public enum SecretType
{
    /// <summary><c>shared</c> (the default).</summary>
    Shared,

    /// <summary><c>personal</c> (users only; machine identities get 400/404).</summary>
    Personal,
}

/// <summary>Where secrets live: a project, an environment and a folder.</summary>
public abstract record SecretScopeOptions
{
    /// <summary>The project id. When both are set, this wins and <see cref="ProjectSlug"/> is not sent.</summary>
    public string? ProjectId { get; init; }

    /// <summary>The project slug, used only when <see cref="ProjectId"/> is empty.</summary>
    public string? ProjectSlug { get; init; }

    /// <summary>The environment slug, e.g. <c>dev</c>. Required.</summary>
    public string EnvironmentSlug { get; init; } = string.Empty;

    /// <summary>The folder, <c>/</c> by default.</summary>
    public string SecretPath { get; init; } = "/";
}

/// <summary>Options of <see cref="Secrets.SecretsClient.ListAsync"/>. Flags default as in the official SDKs and are always sent.</summary>
public sealed record ListSecretsOptions : SecretScopeOptions
{
    /// <summary>Expand <c>${...}</c> references (default true; the server's own default is false).</summary>
    public bool ExpandSecretReferences { get; init; } = true;

    /// <summary>Include secrets from imports, merged into the result (default true).</summary>
    public bool IncludeImports { get; init; } = true;

    /// <summary>Return values (default true); false masks them as <c>&lt;hidden-by-infisical&gt;</c>.</summary>
    public bool ViewSecretValue { get; init; } = true;

    /// <summary>Also list sub-folders (default false).</summary>
    public bool Recursive { get; init; }

    /// <summary>Only secrets with these tag slugs (sent comma-joined as <c>tagSlugs</c>).</summary>
    public IReadOnlyList<string>? TagSlugs { get; init; }
}

/// <summary>Options of <see cref="Secrets.SecretsClient.GetByNameAsync"/>.</summary>
public sealed record GetSecretOptions : SecretScopeOptions
{
    /// <summary>The secret's name. Any characters; it is percent-encoded in the URL.</summary>
    public string SecretName { get; init; } = string.Empty;

    /// <summary>A historical version; null for the latest.</summary>
    public int? Version { get; init; }

    /// <summary>Shared (default) or personal.</summary>
    public SecretType Type { get; init; } = SecretType.Shared;

    /// <summary>Expand <c>${...}</c> references (default true).</summary>
    public bool ExpandSecretReferences { get; init; } = true;

    /// <summary>Look through imports when the folder lacks the secret (default true; the last import wins).</summary>
    public bool IncludeImports { get; init; } = true;

    /// <summary>Return the value (default true).</summary>
    public bool ViewSecretValue { get; init; } = true;
}

/// <summary>Options of <see cref="Secrets.SecretsClient.CreateAsync"/>.</summary>
public sealed record CreateSecretOptions : SecretScopeOptions, Secrets.ISecretWriteFields
{
    /// <summary>The new secret's name (no <c>/</c> or <c>:</c>).</summary>
    public string SecretName { get; init; } = string.Empty;

    /// <summary>The value (may be empty). The server trims it, keeping one trailing newline.</summary>
    public string SecretValue { get; init; } = string.Empty;

    /// <summary>A comment.</summary>
    public string? SecretComment { get; init; }

    /// <summary>Skip multiline encoding.</summary>
    public bool? SkipMultilineEncoding { get; init; }

    /// <summary>Shared (default) or personal.</summary>
    public SecretType Type { get; init; } = SecretType.Shared;

    /// <summary>Reminder interval in days.</summary>
    public double? SecretReminderRepeatDays { get; init; }

    /// <summary>Reminder note (≤ 1024 characters).</summary>
    public string? SecretReminderNote { get; init; }

    /// <summary>Metadata entries.</summary>
    public IReadOnlyList<SecretMetadataEntry>? SecretMetadata { get; init; }

    /// <summary>Ids of existing tags to attach.</summary>
    public IReadOnlyList<string>? TagIds { get; init; }
}

/// <summary>Options of <see cref="Secrets.SecretsClient.UpdateAsync"/>; null properties are left unchanged.</summary>
public sealed record UpdateSecretOptions : SecretScopeOptions, Secrets.ISecretWriteFields
{
    /// <summary>The secret's current name.</summary>
    public string SecretName { get; init; } = string.Empty;

    /// <summary>A new name (rename).</summary>
    public string? NewSecretName { get; init; }

    /// <summary>A new value.</summary>
    public string? SecretValue { get; init; }

    /// <summary>A new comment.</summary>
    public string? SecretComment { get; init; }

    /// <summary>Skip multiline encoding.</summary>
    public bool? SkipMultilineEncoding { get; init; }

    /// <summary>Shared (default) or personal.</summary>
    public SecretType Type { get; init; } = SecretType.Shared;

    /// <summary>Reminder interval in days.</summary>
    public double? SecretReminderRepeatDays { get; init; }

    /// <summary>Reminder note.</summary>
    public string? SecretReminderNote { get; init; }

    /// <summary>Metadata entries (replace the existing ones).</summary>
    public IReadOnlyList<SecretMetadataEntry>? SecretMetadata { get; init; }

    /// <summary>Ids of tags (replace the existing ones).</summary>
    public IReadOnlyList<string>? TagIds { get; init; }
}

/// <summary>Options of <see cref="Secrets.SecretsClient.DeleteByNameAsync"/>.</summary>
public sealed record DeleteSecretOptions : SecretScopeOptions
{
    /// <summary>The secret's name.</summary>
    public string SecretName { get; init; } = string.Empty;

    /// <summary>Shared (default) or personal.</summary>
    public SecretType Type { get; init; } = SecretType.Shared;
}
