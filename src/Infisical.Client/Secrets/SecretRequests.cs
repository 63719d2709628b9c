using System;
using System.Collections.Generic;
using System.Net.Http;
using Infisical.Client.Pipeline;
using Infisical.Client.Json;

namespace Infisical.Client.Secrets;

/// <summary>
/// Builds the v3 raw-secret requests every official SDK uses (they exist on 2024 and current servers alike).
/// Booleans are sent as lowercase <c>true</c>/<c>false</c> and always explicitly, because the server's
/// defaults differ from the SDKs'.
/// </summary>
internal static class SecretRequests
{
    private const string RawPath = "/api/v3/secrets/raw";

    public static InfisicalRequest List(ListSecretsOptions o)
    {
        var query = ScopeQuery(o);
        query.Add(Pair("viewSecretValue", o.ViewSecretValue));
        query.Add(Pair("expandSecretReferences", o.ExpandSecretReferences));
        query.Add(Pair("recursive", o.Recursive));
        query.Add(Pair("include_imports", o.IncludeImports));
        if (o.TagSlugs is { Count: > 0 })
        {
            query.Add(new("tagSlugs", string.Join(",", o.TagSlugs)));
        }

        return new InfisicalRequest(HttpMethod.Get, RawPath, RequestOptions.Read).WithQuery(query);
    }

    public static InfisicalRequest Get(GetSecretOptions o)
    {
        var query = ScopeQuery(o);
        if (o.Version is { } version)
        {
            query.Add(new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        query.Add(new("type", TypeName(o.Type)));
        query.Add(Pair("viewSecretValue", o.ViewSecretValue));
        query.Add(Pair("expandSecretReferences", o.ExpandSecretReferences));
        query.Add(Pair("include_imports", o.IncludeImports));
        return new InfisicalRequest(HttpMethod.Get, NamePath(o.SecretName, nameof(GetSecretOptions)), RequestOptions.Read).WithQuery(query);
    }

    public static InfisicalRequest Create(CreateSecretOptions o)
    {
        var body = FieldsBody(o);
        body.SecretValue = o.SecretValue ?? string.Empty;
        return new InfisicalRequest(HttpMethod.Post, NamePath(o.SecretName, nameof(CreateSecretOptions)), RequestOptions.Write)
            .WithJsonBody(body, ClientJsonContext.Default.SecretWriteBody);
    }

    public static InfisicalRequest Update(UpdateSecretOptions o)
    {
        var body = FieldsBody(o);
        body.NewSecretName = o.NewSecretName;
        return new InfisicalRequest(InfisicalRequest.Patch, NamePath(o.SecretName, nameof(UpdateSecretOptions)), RequestOptions.Write)
            .WithJsonBody(body, ClientJsonContext.Default.SecretWriteBody);
    }

    public static InfisicalRequest Delete(DeleteSecretOptions o)
    {
        // DELETE carries its scope in a JSON body, not the query.
        var body = ScopeBody(o);
        body.Type = TypeName(o.Type);
        return new InfisicalRequest(HttpMethod.Delete, NamePath(o.SecretName, nameof(DeleteSecretOptions)), RequestOptions.Write)
            .WithJsonBody(body, ClientJsonContext.Default.SecretWriteBody);
    }

    private static List<KeyValuePair<string, string>> ScopeQuery(SecretScopeOptions o)
    {
        Validate(o);
        var query = new List<KeyValuePair<string, string>>();
        query.Add(string.IsNullOrWhiteSpace(o.ProjectId)
            ? new("workspaceSlug", o.ProjectSlug!.Trim())
            : new("workspaceId", o.ProjectId!.Trim()));
        query.Add(new("environment", o.EnvironmentSlug.Trim()));
        query.Add(new("secretPath", NormalizePath(o.SecretPath)));
        return query;
    }

    private static SecretWriteBody ScopeBody(SecretScopeOptions o)
    {
        Validate(o);
        var body = new SecretWriteBody
        {
            Environment = o.EnvironmentSlug.Trim(),
            SecretPath = NormalizePath(o.SecretPath),
        };
        if (string.IsNullOrWhiteSpace(o.ProjectId))
        {
            body.ProjectSlug = o.ProjectSlug!.Trim();
        }
        else
        {
            body.WorkspaceId = o.ProjectId!.Trim();
        }

        return body;
    }

    // Create's value is never sent as null (the server requires it), so Create overrides SecretValue afterwards.
    private static SecretWriteBody FieldsBody<TOptions>(TOptions fields)
        where TOptions : SecretScopeOptions, ISecretWriteFields
    {
        var body = ScopeBody(fields);
        body.SecretValue = fields.SecretValue;
        body.SecretComment = fields.SecretComment;
        body.SkipMultilineEncoding = fields.SkipMultilineEncoding;
        body.Type = TypeName(fields.Type);
        body.SecretReminderRepeatDays = fields.SecretReminderRepeatDays;
        body.SecretReminderNote = fields.SecretReminderNote;
        body.SecretMetadata = fields.SecretMetadata;
        body.TagIds = fields.TagIds;
        return body;
    }

    private static void Validate(SecretScopeOptions o)
    {
        var optionsName = o.GetType().Name;
        if (string.IsNullOrWhiteSpace(o.ProjectId) && string.IsNullOrWhiteSpace(o.ProjectSlug))
        {
            throw new ArgumentException($"{optionsName}: set ProjectId or ProjectSlug.", nameof(o));
        }

        if (string.IsNullOrWhiteSpace(o.EnvironmentSlug))
        {
            throw new ArgumentException($"{optionsName}: set EnvironmentSlug (e.g. \"dev\").", nameof(o));
        }
    }

    private static string NamePath(string name, string optionsName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"{optionsName}: set SecretName.", nameof(name));
        }

        // Names may hold spaces, dots, '%', '#', '?': escape them so the server sees one path segment.
        return RawPath + "/" + InfisicalRequest.EscapeSegment(name);
    }

    private static string NormalizePath(string? path)
    {
        var p = string.IsNullOrWhiteSpace(path) ? "/" : path!.Trim();
        return p[0] == '/' ? p : "/" + p;
    }

    private static string TypeName(SecretType type) => type == SecretType.Personal ? "personal" : "shared";

    private static KeyValuePair<string, string> Pair(string name, bool value) => new(name, value ? "true" : "false");
}
