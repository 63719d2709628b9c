using System.Text;

namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>
/// <c>docker run --env-file</c> (docker/cli's kvfile): each line is split at its first <c>=</c> and the rest
/// is the value, byte for byte — there is no quoting or escaping. So a value can hold neither a line feed nor a
/// carriage return (the line scanner drops a trailing one). Newer CLIs also strip one pair of matching quotes
/// around a value and older ones keep it, so a value that starts and ends with the same quote has no line
/// both read alike and is refused. Lines of 64 KiB or more stop the scanner. Names are printable ASCII without
/// whitespace or <c>=</c> and may not start with <c>#</c> (a comment).
/// </summary>
internal sealed class DockerFormat : DotEnvFormat
{
    public static readonly DockerFormat Instance = new();

    // bufio.MaxScanTokenSize: the line and its line feed must fit in the scanner's 64 KiB buffer.
    internal const int MaxLineBytes = 64 * 1024 - 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override string? CheckName(string name)
    {
        if (name.Length > 255)
        {
            return "docker --env-file names here are at most 255 characters, so a line stays within docker's 64 KiB limit";
        }

        if (name.Length == 0 || name[0] == '#')
        {
            return "docker reads a line starting with '#' as a comment and needs a non-empty name";
        }

        foreach (var c in name)
        {
            if (c <= ' ' || c > '~' || c == '=')
            {
                return "docker --env-file names here are printable ASCII without spaces or '='";
            }
        }

        return null;
    }

    public override string? Encode(string value, out string reason)
    {
        reason = string.Empty;
        if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
        {
            reason = "it holds a line break, and docker --env-file has no quoting or escape for one. The shell, node or dotnetenv dialect may hold it";
            return null;
        }

        if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0])
        {
            reason = "it starts and ends with the same quote, which some docker versions strip and others keep";
            return null;
        }

        if (Utf8.GetByteCount(value) > MaxLineBytes - 256)
        {
            // The name is at most a few hundred bytes; leaving room for it keeps the check independent of it.
            reason = "its line would reach docker's 64 KiB line limit";
            return null;
        }

        return value;
    }
}
