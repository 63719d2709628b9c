using System;
using System.Collections.Generic;
using System.Linq;

namespace Infisical.Build.Core.Diagnostics;

/// <summary>
/// Last line of defence for messages: replaces any credential or fetched secret value that slipped into a
/// text (for example an exception message quoting a server answer) with <c>***</c> before it is logged.
/// </summary>
internal sealed class Redactor
{
    // Very short values (e.g. "1", "true") would turn ordinary words into asterisks without protecting anything.
    private const int MinimumLength = 4;
    private readonly List<string> _sensitive = new();

    public void AddRange(IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            var trimmed = value?.Trim();
            if (trimmed != null && trimmed.Length >= MinimumLength && !_sensitive.Contains(trimmed))
            {
                _sensitive.Add(trimmed);
            }
        }
    }

    public string Clean(string message)
    {
        foreach (var value in _sensitive.OrderByDescending(v => v.Length))
        {
            message = message.Replace(value, "***");
        }

        return message;
    }
}
