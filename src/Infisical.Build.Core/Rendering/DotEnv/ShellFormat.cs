using System;
using System.Collections.Generic;

namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>
/// A file a POSIX shell can source (<c>set -a; . ./.env; set +a</c>): <c>NAME='value'</c>, where the only
/// character single quotes cannot hold, <c>'</c>, is written <c>'\''</c> (close, escaped quote, reopen). Every
/// other character — line breaks, carriage returns, control characters, <c>$</c>, backslashes — is literal
/// inside single quotes. Names must be shell identifiers, and not ones the shell manages itself.
/// </summary>
internal sealed class ShellFormat : DotEnvFormat
{
    public static readonly ShellFormat Instance = new();

    // Read-only or self-updating in common sh/bash builds: an assignment fails or does not keep its value.
    private static readonly HashSet<string> ShellManaged = new(StringComparer.Ordinal)
    {
        "PPID", "UID", "EUID", "GROUPS", "LINENO", "OPTIND", "OPTARG", "RANDOM", "SECONDS", "SHELLOPTS", "BASHOPTS",
        "BASH_VERSINFO", "BASHPID", "FUNCNAME", "HISTCMD", "SRANDOM", "EPOCHSECONDS", "EPOCHREALTIME",
    };

    public override string? CheckName(string name)
    {
        if (name.Length == 0 || !(DotEnvText.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return "shell variable names start with an ASCII letter or '_'";
        }

        foreach (var c in name)
        {
            if (!(DotEnvText.IsAsciiLetter(c) || DotEnvText.IsAsciiDigit(c) || c == '_'))
            {
                return "shell variable names hold only ASCII letters, digits and '_'";
            }
        }

        return ShellManaged.Contains(name) ? "the shell manages this variable itself, so an assignment would not keep the value" : null;
    }

    public override string? Encode(string value, out string reason)
    {
        reason = string.Empty;
        return "'" + value.Replace("'", @"'\''") + "'";
    }
}
