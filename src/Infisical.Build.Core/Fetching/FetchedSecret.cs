namespace Infisical.Build.Core.Fetching;

/// <summary>One secret as the build uses it: its name, the folder it came from, and its value.</summary>
internal sealed class FetchedSecret
{
    public FetchedSecret(string name, string path, string value)
    {
        Name = name;
        Path = path;
        Value = value;
    }

    /// <summary>The secret's key, exactly as Infisical stores it (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>The folder the secret lives in, e.g. <c>/</c> or <c>/app/db</c>.</summary>
    public string Path { get; }

    /// <summary>The value. Never logged.</summary>
    public string Value { get; }
}
