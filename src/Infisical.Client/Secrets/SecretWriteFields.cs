using System.Collections.Generic;

namespace Infisical.Client.Secrets;

/// <summary>
/// The secret fields that create and update both send. Internal so that the public option records keep their own
/// documented properties while <see cref="SecretRequests"/> copies these onto the wire body in one place.
/// </summary>
internal interface ISecretWriteFields
{
    string? SecretValue { get; }

    string? SecretComment { get; }

    bool? SkipMultilineEncoding { get; }

    SecretType Type { get; }

    double? SecretReminderRepeatDays { get; }

    string? SecretReminderNote { get; }

    IReadOnlyList<SecretMetadataEntry>? SecretMetadata { get; }

    IReadOnlyList<string>? TagIds { get; }
}
