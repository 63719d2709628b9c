namespace Infisical.Build.Core.Rendering.DotEnv;

/// <summary>
/// One dialect's rules: which names it can hold and how a value is written on its line. Every refusal comes
/// with a reason that describes the kind of character at fault, never the value itself.
/// </summary>
internal abstract class DotEnvFormat
{
    /// <summary>Returns null when the name can be written, else why not.</summary>
    public abstract string? CheckName(string name);

    /// <summary>
    /// Returns the text that follows <c>NAME=</c> on the line (without the line break), or null with a reason
    /// when this dialect's parsers cannot read the value back exactly. Values holding NUL or unpaired
    /// surrogates never reach this method.
    /// </summary>
    public abstract string? Encode(string value, out string reason);

    /// <summary>The formats, indexed like <see cref="DotEnvDialect"/>.</summary>
    public static DotEnvFormat For(DotEnvDialect dialect) => dialect switch
    {
        DotEnvDialect.Portable => PortableFormat.Instance,
        DotEnvDialect.Node => NodeFormat.Instance,
        DotEnvDialect.DotNetEnv => DotNetEnvFormat.Instance,
        DotEnvDialect.Docker => DockerFormat.Instance,
        _ => ShellFormat.Instance,
    };
}
