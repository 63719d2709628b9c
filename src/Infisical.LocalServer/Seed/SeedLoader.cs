using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Infisical.LocalServer;

/// <summary>Fills <see cref="ServerState"/> from a <see cref="SeedDocument"/>.</summary>
internal static class SeedLoader
{
    /// <summary>Loads identities and projects into the state.</summary>
    public static void Apply(SeedDocument seed, ServerState state)
    {
        var root = seed.Root;
        var index = 0;
        foreach (var item in Array(root, "identities", "seed"))
        {
            state.AddIdentity(ReadIdentity(item, $"identities[{index}]", index));
            index++;
        }

        index = 0;
        foreach (var item in Array(root, "projects", "seed"))
        {
            lock (state.SyncRoot)
            {
                state.AddProject(ReadProject(item, $"projects[{index}]", index, state));
            }

            index++;
        }
    }

    /// <summary>Reads the optional server-level <c>rateLimit</c> section.</summary>
    public static RateLimitOptions? ReadRateLimit(SeedDocument seed)
    {
        if (!seed.Root.TryGetProperty("rateLimit", out var section) || section.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var options = new RateLimitOptions { Enabled = Bool(section, "enabled") ?? true };
        options.WindowSeconds = (int)(Long(section, "windowSeconds", "rateLimit") ?? options.WindowSeconds);
        options.SecretsLimit = (int)(Long(section, "secretsLimit", "rateLimit") ?? options.SecretsLimit);
        options.ReadLimit = (int)(Long(section, "readLimit", "rateLimit") ?? options.ReadLimit);
        options.WriteLimit = (int)(Long(section, "writeLimit", "rateLimit") ?? options.WriteLimit);
        options.GlobalLimit = (int)(Long(section, "globalLimit", "rateLimit") ?? options.GlobalLimit);
        return options;
    }

    private static Identity ReadIdentity(JsonElement item, string where, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SeedException($"seed: {where} must be an object.");
        }

        var clientId = String(item, "clientId", where);
        var clientSecret = String(item, "clientSecret", where);
        if ((clientId == null) != (clientSecret == null))
        {
            throw new SeedException($"seed: {where} needs both \"clientId\" and \"clientSecret\" (or neither, for identities using other auth methods).");
        }

        var id = String(item, "id", where) ?? Guid.NewGuid().ToString();
        if (!Guid.TryParse(id, out _))
        {
            throw new SeedException($"seed: {where}.id must be a UUID.");
        }

        return new Identity
        {
            Id = id,
            Name = String(item, "name", where) ?? $"identity-{index + 1}",
            ClientId = clientId,
            ClientSecret = clientSecret,
            AccessTokenTtl = Long(item, "accessTokenTTL", where) ?? 2592000,
            AccessTokenMaxTtl = Long(item, "accessTokenMaxTTL", where) ?? 2592000,
            AccessTokenNumUsesLimit = Long(item, "accessTokenNumUsesLimit", where) ?? 0,
            Raw = item.Clone(),
        };
    }

    private static Project ReadProject(JsonElement item, string where, int index, ServerState state)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SeedException($"seed: {where} must be an object.");
        }

        var id = String(item, "id", where) ?? Guid.NewGuid().ToString();
        var slug = String(item, "slug", where) ?? $"project-{index + 1}";
        var project = new Project { Id = id, Slug = slug, Name = String(item, "name", where) ?? slug, Raw = item.Clone() };

        var envIndex = 0;
        foreach (var env in Array(item, "environments", where))
        {
            var envWhere = $"{where}.environments[{envIndex++}]";
            if (env.ValueKind == JsonValueKind.String)
            {
                state.AddEnvironment(project, env.GetString()!);
            }
            else if (env.ValueKind == JsonValueKind.Object)
            {
                var envSlug = String(env, "slug", envWhere) ?? throw new SeedException($"seed: {envWhere}.slug is required.");
                state.AddEnvironment(project, envSlug, String(env, "name", envWhere));
            }
            else
            {
                throw new SeedException($"seed: {envWhere} must be a slug string or {{\"slug\",\"name\"}}.");
            }
        }

        ReadTags(item, where, project);
        ReadFolders(item, where, project, state);
        ReadSecrets(item, where, project, state);
        ReadImports(item, where, project, state);
        var policyIndex = 0;
        foreach (var policy in Array(item, "approvalPolicies", where))
        {
            var pWhere = $"{where}.approvalPolicies[{policyIndex++}]";
            var env = RequireEnvironment(project, String(policy, "environment", pWhere), pWhere);
            var path = String(policy, "secretPath", pWhere) ?? String(policy, "path", pWhere) ?? "/";
            project.ApprovalPolicies.Add(ApprovalPolicy.Create(String(policy, "name", pWhere) ?? "seeded-policy", env.Slug, path));
        }

        return project;
    }

    private static void ReadTags(JsonElement item, string where, Project project)
    {
        var tagIndex = 0;
        foreach (var tag in Array(item, "tags", where))
        {
            var tWhere = $"{where}.tags[{tagIndex++}]";
            if (tag.ValueKind == JsonValueKind.String)
            {
                project.Tags.Add(new SecretTag(ServerState.NewId(), tag.GetString()!, tag.GetString()!, null));
                continue;
            }

            var slug = String(tag, "slug", tWhere) ?? throw new SeedException($"seed: {tWhere}.slug is required.");
            project.Tags.Add(new SecretTag(String(tag, "id", tWhere) ?? ServerState.NewId(), slug, String(tag, "name", tWhere) ?? slug, String(tag, "color", tWhere)));
        }
    }

    private static void ReadFolders(JsonElement item, string where, Project project, ServerState state)
    {
        var folderIndex = 0;
        foreach (var folder in Array(item, "folders", where))
        {
            var fWhere = $"{where}.folders[{folderIndex++}]";
            var env = RequireEnvironment(project, String(folder, "environment", fWhere), fWhere);
            state.EnsureFolder(env, SecretPaths.Normalize(String(folder, "path", fWhere)));
        }
    }

    private static void ReadSecrets(JsonElement item, string where, Project project, ServerState state)
    {
        var secretIndex = 0;
        foreach (var secret in Array(item, "secrets", where))
        {
            var sWhere = $"{where}.secrets[{secretIndex++}]";
            var env = RequireEnvironment(project, String(secret, "environment", sWhere), sWhere);
            var folder = state.EnsureFolder(env, SecretPaths.Normalize(String(secret, "path", sWhere) ?? String(secret, "secretPath", sWhere)));
            var key = String(secret, "key", sWhere) ?? String(secret, "secretKey", sWhere) ?? throw new SeedException($"seed: {sWhere}.key is required.");
            if (folder.Secrets.Any(s => s.Key == key))
            {
                throw new SeedException($"seed: {sWhere} duplicates secret '{key}' in {env.Slug}:{folder.Path}.");
            }

            var now = state.Clock.UtcNow;
            var record = new SecretRecord
            {
                // An explicit id lets a test fix the order of an id-sorted list.
                Id = String(secret, "id", sWhere) ?? ServerState.NewId(),
                Key = key,
                Value = String(secret, "value", sWhere) ?? String(secret, "secretValue", sWhere) ?? string.Empty,
                Comment = String(secret, "comment", sWhere) ?? string.Empty,
                SkipMultilineEncoding = Bool(secret, "skipMultilineEncoding") ?? false,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var tag in Array(secret, "tags", sWhere))
            {
                var slug = tag.ValueKind == JsonValueKind.String ? tag.GetString() : null;
                var found = project.Tags.FirstOrDefault(t => t.Slug == slug);
                if (found == null)
                {
                    found = new SecretTag(ServerState.NewId(), slug ?? throw new SeedException($"seed: {sWhere}.tags must be tag slugs."), slug, null);
                    project.Tags.Add(found);
                }

                record.TagIds.Add(found.Id);
            }

            foreach (var meta in Array(secret, "metadata", sWhere))
            {
                record.Metadata.Add(new SecretMetadataEntry(String(meta, "key", sWhere) ?? string.Empty, String(meta, "value", sWhere) ?? string.Empty, false));
            }

            record.Snapshot();
            folder.Secrets.Add(record);
        }
    }

    private static void ReadImports(JsonElement item, string where, Project project, ServerState state)
    {
        var importIndex = 0;
        foreach (var import in Array(item, "imports", where))
        {
            var iWhere = $"{where}.imports[{importIndex++}]";
            var env = RequireEnvironment(project, String(import, "environment", iWhere), iWhere);
            var fromEnv = RequireEnvironment(project, String(import, "fromEnvironment", iWhere), iWhere + ".fromEnvironment");
            var path = SecretPaths.Normalize(String(import, "path", iWhere));
            var fromPath = SecretPaths.Normalize(String(import, "fromPath", iWhere));
            state.EnsureFolder(env, path);
            state.EnsureFolder(fromEnv, fromPath);
            project.Imports.Add(new SecretImport(ServerState.NewId(), env.Slug, path, fromEnv.Slug, fromPath, state.Clock.UtcNow));
        }
    }

    private static ProjectEnvironment RequireEnvironment(Project project, string? slug, string where) =>
        project.FindEnvironment(slug) ?? throw new SeedException($"seed: {where} names environment '{slug}', which is not in the project's \"environments\".");

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name, string where)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return System.Array.Empty<JsonElement>();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SeedException($"seed: {where}.{name} must be an array.");
        }

        return value.EnumerateArray().ToList();
    }

    private static string? String(JsonElement parent, string name, string where)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new SeedException($"seed: {where}.{name} must be a string.");
    }

    private static long? Long(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0
            ? n
            : throw new SeedException($"seed: {where}.{name} must be a non-negative integer.");
    }

    private static bool? Bool(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
