using Infisical.Analyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Infisical.Analyzers.Analysis;

/// <summary>
/// Recognises the constants of the generated InfisicalSecretNames class. Their values come from the manifest
/// itself, so reporting one would only be the analyzer disagreeing with its own generator; a mismatch between a
/// constant's kind and the API it is passed to (a Keys constant read as an environment variable) is left to
/// the constant's name, which says what it is for.
/// </summary>
internal static class GeneratedNameConstants
{
    /// <summary>True when <paramref name="value"/> reads a const field of InfisicalSecretNames or a class nested in it.</summary>
    public static bool IsOneOf(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is not IFieldReferenceOperation { Field: { IsConst: true } field })
        {
            return false;
        }

        for (var type = field.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.Name == SecretNamesSource.ClassName)
            {
                return true;
            }
        }

        return false;
    }
}
