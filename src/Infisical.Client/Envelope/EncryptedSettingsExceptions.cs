using System;

namespace Infisical.Client.Envelope;

/// <summary>Base type of every failure to read or write an encrypted settings file. Messages never hold key material or values.</summary>
public class EncryptedSettingsException : InfisicalException
{
    /// <summary>Creates the exception.</summary>
    public EncryptedSettingsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The file is not an encrypted settings envelope this reader understands (not JSON, wrong fields, unsupported version, not in canonical layout).</summary>
public sealed class EncryptedSettingsFormatException : EncryptedSettingsException
{
    /// <summary>Creates the exception.</summary>
    public EncryptedSettingsFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>Which part of an envelope failed its integrity check.</summary>
public enum EnvelopeRegion
{
    /// <summary>A header field (key id, host, project, environment, wrapped key, nonce) or the header digest.</summary>
    Header,

    /// <summary>The encrypted payload or its authentication tag (or a header changed together with its digest).</summary>
    Payload,
}

/// <summary>The file was changed after it was written: its header digest or its AES-GCM tag does not verify.</summary>
public sealed class EncryptedSettingsTamperedException : EncryptedSettingsException
{
    /// <summary>Creates the exception.</summary>
    public EncryptedSettingsTamperedException(EnvelopeRegion region, string message)
        : base(message) => Region = region;

    /// <summary>The part that failed.</summary>
    public EnvelopeRegion Region { get; }
}

/// <summary>KMS would not unwrap the data key: the key is wrong, deleted or disabled, or the caller may not use it.</summary>
public sealed class EncryptedSettingsKeyException : EncryptedSettingsException
{
    /// <summary>Creates the exception.</summary>
    public EncryptedSettingsKeyException(string keyId, string message, Exception? innerException = null)
        : base(message, innerException) => KeyId = keyId;

    /// <summary>The KMS key id named in the file (an identifier, not key material).</summary>
    public string KeyId { get; }
}

/// <summary>The file is intact but was written for another environment, project, host or key than the caller expects.</summary>
public sealed class EncryptedSettingsMismatchException : EncryptedSettingsException
{
    /// <summary>Creates the exception.</summary>
    public EncryptedSettingsMismatchException(string field, string expected, string actual)
        : base($"The encrypted settings file is for {field} '{actual}', but '{expected}' was expected.")
    {
        Field = field;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The header field that differs: environment, projectId, host or kmsKeyId.</summary>
    public string Field { get; }

    /// <summary>What the caller expected.</summary>
    public string Expected { get; }

    /// <summary>What the file says.</summary>
    public string Actual { get; }
}
