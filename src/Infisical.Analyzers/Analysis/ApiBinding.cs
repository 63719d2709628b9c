namespace Infisical.Analyzers.Analysis;

/// <summary>How a recognised API reads a name.</summary>
internal enum NameKind
{
    /// <summary>Environment.GetEnvironmentVariable: an exact environment variable name.</summary>
    EnvironmentVariable,

    /// <summary>A configuration value read under a key (indexer, GetValue, GetConnectionString, accessors).</summary>
    ConfigurationKey,

    /// <summary>A configuration section (GetSection, Bind(key, …), BindConfiguration): present if anything lives under it.</summary>
    ConfigurationSection,

    /// <summary>An Infisical client call or options object naming one secret.</summary>
    InfisicalSecret,
}

/// <summary>What the analyzer knows about one recognised method.</summary>
internal sealed class ApiBinding
{
    public ApiBinding(NameKind kind, int keyParameter, string? keyPrefix = null, bool composesWithReceiver = false)
    {
        Kind = kind;
        KeyParameter = keyParameter;
        KeyPrefix = keyPrefix;
        ComposesWithReceiver = composesWithReceiver;
    }

    public NameKind Kind { get; }

    /// <summary>Ordinal of the parameter carrying the name.</summary>
    public int KeyParameter { get; }

    /// <summary>A section the method adds in front of the key ("ConnectionStrings" for GetConnectionString).</summary>
    public string? KeyPrefix { get; }

    /// <summary>True when the key is relative to the IConfiguration receiver (instance or extension 'this').</summary>
    public bool ComposesWithReceiver { get; }
}
