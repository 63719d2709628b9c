using System;
using System.Collections.Generic;
using System.Linq;

namespace Infisical.Build.Core.Tests.DotEnv;

/// <summary>
/// NOT a real parser: docker's env-file rules as its documentation states them (one KEY=VALUE per line, split
/// at the first '=', value kept byte for byte, no quoting, '#' lines are comments, leading whitespace dropped),
/// used to check the docker dialect's output line by line. Docker compose and a docker engine cannot be run
/// here, so this is the check of the writer's own output rules, labelled as such in every failure message.
/// </summary>
internal static class DockerEnvFileRules
{
    public static List<ParsedFile> Read(IEnumerable<string> contents) => contents.Select(Read).ToList();

    private static ParsedFile Read(string content)
    {
        if (!content.EndsWith('\n') && content.Length > 0)
        {
            return new ParsedFile(null, "docker rules (reimplemented): the last line has no line feed");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in content.Split('\n').SkipLast(1))
        {
            if (line.Contains('\r'))
            {
                return new ParsedFile(null, "docker rules (reimplemented): a carriage return, which docker's line scanner may drop");
            }

            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed.Length != line.Length)
            {
                return new ParsedFile(null, "docker rules (reimplemented): a line docker would skip or trim");
            }

            var equals = line.IndexOf('=');
            if (equals <= 0 || line.Substring(0, equals).Any(c => c == ' ' || c == '\t'))
            {
                return new ParsedFile(null, "docker rules (reimplemented): no valid name before '='");
            }

            var value = line.Substring(equals + 1);
            if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0])
            {
                return new ParsedFile(null, "docker rules (reimplemented): a quote-wrapped value, which newer docker CLIs strip");
            }

            values[line.Substring(0, equals)] = value;
        }

        return new ParsedFile(values, null);
    }
}
