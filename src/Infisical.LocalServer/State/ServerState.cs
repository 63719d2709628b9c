using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Infisical.LocalServer;

/// <summary>
/// All server data, in memory. Thread safety: take <c>lock (state.SyncRoot)</c> around any read or write of
/// identities, projects, folders, secrets and tokens, and do not await inside the lock. Modules that need their own
/// data (e.g. KMS keys) may keep it in <see cref="Extensions"/> or in their own singleton.
/// </summary>
internal sealed class ServerState
{
    private readonly List<Identity> identities = new();
    private readonly List<Project> projects = new();
    private readonly Dictionary<string, AccessTokenRecord> tokens = new(StringComparer.Ordinal);

    /// <summary>Creates empty state on a clock.</summary>
    public ServerState(ServerClock clock, CompatibilityLevel compatibility)
    {
        Clock = clock;
        Compatibility = compatibility;
    }

    /// <summary>The one lock guarding everything in this object.</summary>
    public object SyncRoot { get; } = new();

    /// <summary>The server clock.</summary>
    public ServerClock Clock { get; }

    /// <summary>The level being imitated.</summary>
    public CompatibilityLevel Compatibility { get; }

    /// <summary>Free-form storage for other modules, keyed by a name they choose.</summary>
    public ConcurrentDictionary<string, object> Extensions { get; } = new(StringComparer.Ordinal);

    /// <summary>Identities (call under <see cref="SyncRoot"/>).</summary>
    public IReadOnlyList<Identity> Identities => identities;

    /// <summary>Projects (call under <see cref="SyncRoot"/>).</summary>
    public IReadOnlyList<Project> Projects => projects;

    /// <summary>A new random UUID string.</summary>
    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>Adds an identity.</summary>
    public void AddIdentity(Identity identity)
    {
        lock (SyncRoot)
        {
            identities.Add(identity);
        }
    }

    /// <summary>Finds an identity by id.</summary>
    public Identity? FindIdentity(string? id)
    {
        lock (SyncRoot)
        {
            return identities.FirstOrDefault(i => i.Id == id);
        }
    }

    /// <summary>Finds an identity by Universal Auth client id.</summary>
    public Identity? FindIdentityByClientId(string clientId)
    {
        lock (SyncRoot)
        {
            return identities.FirstOrDefault(i => i.ClientId != null && i.ClientId == clientId);
        }
    }

    /// <summary>Adds a project.</summary>
    public void AddProject(Project project)
    {
        lock (SyncRoot)
        {
            projects.Add(project);
        }
    }

    /// <summary>Finds a project by id, else by slug.</summary>
    public Project? FindProject(string? id, string? slug)
    {
        lock (SyncRoot)
        {
            if (!string.IsNullOrEmpty(id))
            {
                return projects.FirstOrDefault(p => p.Id == id);
            }

            return string.IsNullOrEmpty(slug) ? null : projects.FirstOrDefault(p => p.Slug == slug);
        }
    }

    /// <summary>Stores a token row.</summary>
    public void AddToken(AccessTokenRecord token)
    {
        lock (SyncRoot)
        {
            tokens[token.Id] = token;
        }
    }

    /// <summary>Finds a token row by id (revoked rows included).</summary>
    public AccessTokenRecord? FindToken(string? id)
    {
        lock (SyncRoot)
        {
            return id != null && tokens.TryGetValue(id, out var token) ? token : null;
        }
    }

    /// <summary>Deletes a token row, as the real server does when a token expires or runs out of uses.</summary>
    public void RemoveToken(string id)
    {
        lock (SyncRoot)
        {
            tokens.Remove(id);
        }
    }

    /// <summary>Adds an environment with its root folder (call under <see cref="SyncRoot"/>).</summary>
    public ProjectEnvironment AddEnvironment(Project project, string slug, string? name = null)
    {
        var env = new ProjectEnvironment { Id = NewId(), Slug = slug, Name = name ?? slug, Position = project.Environments.Count + 1 };
        var now = Clock.UtcNow;
        env.Folders["/"] = new Folder { Id = NewId(), Name = "root", Path = "/", CreatedAt = now, UpdatedAt = now };
        project.Environments.Add(env);
        return env;
    }

    /// <summary>Returns the folder at a normalised path, creating it and missing parents (call under <see cref="SyncRoot"/>).</summary>
    public Folder EnsureFolder(ProjectEnvironment env, string path)
    {
        if (env.Folders.TryGetValue(path, out var existing))
        {
            return existing;
        }

        var parent = EnsureFolder(env, SecretPaths.Parent(path));
        var now = Clock.UtcNow;
        var folder = new Folder
        {
            Id = NewId(),
            Name = path[(path.LastIndexOf('/') + 1)..],
            Path = path,
            ParentId = parent.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        env.Folders[path] = folder;
        return folder;
    }
}
