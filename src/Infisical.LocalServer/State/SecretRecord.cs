using System;
using System.Collections.Generic;

namespace Infisical.LocalServer;

/// <summary>A stored secret (shared type; identities cannot own personal secrets).</summary>
internal sealed class SecretRecord
{
    /// <summary>Secret id (UUID), also sent as <c>_id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Current name.</summary>
    public required string Key { get; set; }

    /// <summary>Current value (already trimmed).</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Comment.</summary>
    public string Comment { get; set; } = string.Empty;

    /// <summary><c>shared</c> or <c>personal</c>.</summary>
    public string Type { get; set; } = "shared";

    /// <summary>Starts at 1; bumped by each update.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Nullable flag.</summary>
    public bool? SkipMultilineEncoding { get; set; } = false;

    /// <summary>Reminder note.</summary>
    public string? ReminderNote { get; set; }

    /// <summary>Reminder interval.</summary>
    public double? ReminderRepeatDays { get; set; }

    /// <summary>Metadata entries.</summary>
    public List<SecretMetadataEntry> Metadata { get; set; } = new();

    /// <summary>Ids of project tags.</summary>
    public List<string> TagIds { get; set; } = new();

    /// <summary>Created (server clock).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Identity that last wrote it; null for seeded secrets.</summary>
    public string? ActorIdentityId { get; set; }

    /// <summary>Every version including the current one, oldest first.</summary>
    public List<SecretVersion> Versions { get; } = new();

    /// <summary>Records the current state as a version snapshot.</summary>
    public void Snapshot() => Versions.Add(new SecretVersion(Version, Key, Value, Comment, UpdatedAt));

    /// <summary>Marks an in-place change (update, batch update, reference rename): next version, stamped, snapshotted.</summary>
    public void RecordChange(DateTimeOffset at, string actorIdentityId)
    {
        Version++;
        UpdatedAt = at;
        ActorIdentityId = actorIdentityId;
        Snapshot();
    }
}

/// <summary>A historical version of a secret.</summary>
internal sealed record SecretVersion(int Version, string Key, string Value, string Comment, DateTimeOffset At);

/// <summary>A metadata pair.</summary>
internal sealed record SecretMetadataEntry(string Key, string Value, bool IsEncrypted);
