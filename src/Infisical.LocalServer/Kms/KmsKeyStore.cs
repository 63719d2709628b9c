using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Infisical.LocalServer;

/// <summary>
/// The KMS keys of one server, kept in <see cref="ServerState.Extensions"/> so every server instance has its own.
/// Seeded from each project's <c>"kmsKeys"</c> array when the KMS routes are mapped (so a bad seed fails startup).
/// </summary>
internal sealed class KmsKeyStore
{
    private const string ExtensionKey = "kms.keys";
    private readonly object gate = new();
    private readonly List<KmsKeyRecord> keys = new();
    private readonly ServerClock clock;

    private KmsKeyStore(ServerState state)
    {
        clock = state.Clock;
        OrgId = ServerState.NewId();
    }

    /// <summary>The organization every key belongs to.</summary>
    public string OrgId { get; }

    /// <summary>The store of a server, created and seeded on first use.</summary>
    public static KmsKeyStore For(ServerState state) =>
        (KmsKeyStore)state.Extensions.GetOrAdd(ExtensionKey, _ =>
        {
            var store = new KmsKeyStore(state);
            store.Seed(state);
            return store;
        });

    /// <summary>Keys of a project, unordered.</summary>
    public List<KmsKeyRecord> InProject(string projectId)
    {
        lock (gate)
        {
            return keys.Where(k => k.ProjectId == projectId).ToList();
        }
    }

    /// <summary>A key by id.</summary>
    public KmsKeyRecord? Find(string id)
    {
        lock (gate)
        {
            return keys.FirstOrDefault(k => k.Id == id);
        }
    }

    /// <summary>A key by project and name.</summary>
    public KmsKeyRecord? FindByName(string projectId, string name)
    {
        lock (gate)
        {
            return keys.FirstOrDefault(k => k.ProjectId == projectId && k.Name == name);
        }
    }

    /// <summary>Adds a key unless its name is taken in the project; false when taken.</summary>
    public bool TryAdd(KmsKeyRecord key)
    {
        lock (gate)
        {
            if (keys.Any(k => k.ProjectId == key.ProjectId && k.Name == key.Name))
            {
                return false;
            }

            keys.Add(key);
            return true;
        }
    }

    /// <summary>Applies a change under the store lock (so a rename cannot race another rename).</summary>
    public T Update<T>(Func<IReadOnlyList<KmsKeyRecord>, T> change)
    {
        lock (gate)
        {
            return change(keys);
        }
    }

    /// <summary>Removes a key.</summary>
    public void Remove(KmsKeyRecord key)
    {
        lock (gate)
        {
            keys.Remove(key);
        }
    }

    /// <summary>Creates a key record with fresh material (or the given one) and a fresh id (or the given one).</summary>
    public KmsKeyRecord NewKey(string projectId, string name, string? description, string usage, string algorithm, byte[]? material = null, string? id = null)
    {
        var now = clock.UtcNow;
        return new KmsKeyRecord
        {
            Id = id ?? ServerState.NewId(),
            OrgId = OrgId,
            ProjectId = projectId,
            Name = name,
            Description = description,
            KeyUsage = usage,
            EncryptionAlgorithm = algorithm,
            CreatedAt = now,
            UpdatedAt = now,
            Material = material ?? KmsAlgorithms.Generate(algorithm),
        };
    }

    private void Seed(ServerState state)
    {
        List<Project> projects;
        lock (state.SyncRoot)
        {
            projects = state.Projects.ToList();
        }

        foreach (var project in projects)
        {
            if (!project.TryGetSeedSection("kmsKeys", out var section))
            {
                continue;
            }

            if (section.ValueKind != JsonValueKind.Array)
            {
                throw new SeedException($"seed: projects['{project.Slug}'].kmsKeys must be an array.");
            }

            var index = 0;
            foreach (var item in section.EnumerateArray())
            {
                SeedOne(project, item, $"projects['{project.Slug}'].kmsKeys[{index++}]");
            }
        }
    }

    private void SeedOne(Project project, JsonElement item, string where)
    {
        string? Text(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var name = Text("name")?.Trim().ToLowerInvariant();
        if (name == null || !KmsInput.IsSlug(name))
        {
            throw new SeedException($"seed: {where}.name is required: 1-32 lowercase letters, digits and hyphens.");
        }

        var algorithm = Text("encryptionAlgorithm") ?? "aes-256-gcm";
        var usage = Text("keyUsage") ?? (KmsAlgorithms.Asymmetric.ContainsKey(algorithm) ? KmsAlgorithms.SignVerify : KmsAlgorithms.EncryptDecrypt);
        if (!KmsInput.UsageMatches(usage, algorithm))
        {
            throw new SeedException($"seed: {where}: keyUsage '{usage}' does not go with encryptionAlgorithm '{algorithm}'.");
        }

        byte[]? material = null;
        var materialText = Text("keyMaterial");
        if (materialText != null)
        {
            if (!KmsAlgorithms.Symmetric.TryGetValue(algorithm, out var size)
                || !KmsInput.TryDecodeBase64(materialText, out var decoded) || decoded.Length != size)
            {
                throw new SeedException($"seed: {where}.keyMaterial must be base64 of {(KmsAlgorithms.Symmetric.TryGetValue(algorithm, out var s) ? s : 0)} bytes (symmetric keys only).");
            }

            material = decoded;
        }

        var id = Text("id");
        if (id != null && !Guid.TryParse(id, out _))
        {
            throw new SeedException($"seed: {where}.id must be a UUID.");
        }

        var key = NewKey(project.Id, name, Text("description"), usage, algorithm, material, id);
        key.IsDisabled = item.TryGetProperty("isDisabled", out var disabled) && disabled.ValueKind == JsonValueKind.True;
        if (!TryAdd(key))
        {
            throw new SeedException($"seed: {where}.name '{name}' is used twice in the project.");
        }
    }
}
