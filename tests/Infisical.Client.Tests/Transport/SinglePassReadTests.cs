using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infisical.Client.Json;
using Infisical.Client.Secrets;

namespace Infisical.Client.Tests.Transport;

/// <summary>
/// The shape-checking converters read a value once; whatever they are given, the outcome (the value, or the error and
/// its message) and where the reader stops must be those of the two-pass read (document, checks, plain contract).
/// </summary>
public sealed class SinglePassReadTests
{
    private const string Good = """{"secretKey":"A","secretValue":"a","version":2,"tags":[{"slug":"t"}],"secretMetadata":[{"key":"k","value":"v"}]}""";

    public static TheoryData<string> Secrets() => new()
    {
        "[" + Good + "]",
        "[]",
        "null",
        "\"text\"",
        "42",
        "{}",
        "[null]",
        "[" + Good + ",null]",
        """[{"secretKey":"A"}]""",
        """[{"secretKey":"A","secretValue":null}]""",
        """[{"secretKey":"A","secretValue":42}]""",
        """[{"secretKey":"A","secretValue":true}]""",
        """[{"secretKey":"A","secretValue":{}}]""",
        """[{"secretKey":7,"secretValue":"a"}]""",
        """[{"secretValue":"a","secretValue":null}]""",
        """[{"secretValue":null,"secretValue":"a"}]""",
        """[{"secretValue":5,"secretValue":"a"}]""",
        """[{"secretValue":"a","version":"x"}]""",
        """[{"secretValue":"a","version":"3"}]""",
        """[{"secretValue":"a","createdAt":"not a date"}]""",
        """[{"secretValue":"a","tags":{}}]""",
        """[{"secretValue":"a","unknown":[1,{"x":null}]}]""",
        "[\"s\"]",
        "[[]]",
        """[{"secretValue":"a","environment":5}]""",
        """[{"secretValue":"a","environment":null},{"secretValue":"b","environment":"dev"}]""",
        """[{"secretValue":"a","environment":"dev"},{"secretValue":"b","environment":"d\u0065v"},{"secretValue":"c","environment":"de"}]""",
        """[{"secretValue":"a","actor":{"name":1}}]""",
        """[{"id":"1","_id":"1","secretValue":"a"},{"id":"2","_id":"1","secretValue":"b"}]""",
    };

    public static TheoryData<string> Imports() => new()
    {
        """[{"secretPath":"/","environment":"e","folderId":"f","secrets":[""" + Good + "]}]",
        "[]",
        "null",
        "{}",
        "[null]",
        "[1]",
        """[{"secretPath":"/"}]""",
        """[{"secrets":null}]""",
        """[{"secrets":"x"}]""",
        """[{"secrets":[]}]""",
        """[{"secrets":[null]}]""",
        """[{"secrets":[{"secretKey":"I"}]}]""",
        """[{"secrets":[{"secretKey":"I","secretValue":null}]}]""",
        """[{"secrets":[{"secretKey":"I","secretValue":1}]}]""",
        """[{"secrets":[]},{"environment":"e"}]""",
    };

    public static TheoryData<string> Secret() => new()
    {
        Good,
        "null",
        "[]",
        "\"s\"",
        "{}",
        """{"secretKey":"A"}""",
        """{"secretKey":"A","secretValue":null}""",
        """{"secretKey":"A","secretValue":[]}""",
        """{"secretValue":"a","version":{}}""",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void The_secret_list_reads_as_the_two_pass_read_did(string value) =>
        AssertReadsAsBefore(value, new CheckedSecretListConverter(), CheckedSecretListConverter.Check, ClientJsonContext.Default.ListBaseSecret);

    [Theory]
    [MemberData(nameof(Imports))]
    public void The_import_list_reads_as_the_two_pass_read_did(string value) =>
        AssertReadsAsBefore(value, new CheckedImportListConverter(), CheckedImportListConverter.Check, ClientJsonContext.Default.ListSecretImport);

    [Theory]
    [MemberData(nameof(Secret))]
    public void A_single_secret_reads_as_the_two_pass_read_did(string value) =>
        AssertReadsAsBefore(value, new CheckedSecretConverter(), CheckedSecretConverter.Check, ClientJsonContext.Default.BaseSecret);

    [Fact]
    public void A_well_formed_list_is_read_in_one_pass()
    {
        // The two-pass read would throw here; a result proves the answer was never handed to it.
        var value = Encoding.UTF8.GetBytes("[" + Good + "]");
        var reader = new Utf8JsonReader(value);
        reader.Read();

        var secrets = SinglePassRead.Read(
            ref reader, SinglePassRead.Secrets, static s => SinglePassRead.AllHaveValues(s), static _ => throw new InvalidOperationException(), ClientJsonContext.Default.ListBaseSecret);

        Assert.Equal("a", Assert.Single(secrets).SecretValue);
        Assert.Equal(value.Length, reader.BytesConsumed);
    }

    [Fact]
    public void Text_repeated_from_one_secret_to_the_next_is_one_string()
    {
        var value = Encoding.UTF8.GetBytes("""[{"id":"x1","_id":"x1","environment":"dev","secretKey":"A","secretValue":"a"},{"id":"x2","_id":"x2","environment":"d\u0065v","secretKey":"B","secretValue":"b"}]""");
        var reader = new Utf8JsonReader(value);
        reader.Read();

        var secrets = new CheckedSecretListConverter().Read(ref reader, typeof(List<BaseSecret>), JsonSerializerOptions.Default);

        Assert.Equal("dev", secrets[1].Environment);
        Assert.Same(secrets[0].Environment, secrets[1].Environment);
        Assert.Same(secrets[1].Id, secrets[1].LegacyId);
        Assert.Equal(["A", "B"], secrets.Select(s => s.SecretKey));
        Assert.Equal(["a", "b"], secrets.Select(s => s.SecretValue));
    }

    private delegate T ReadValue<T>(ref Utf8JsonReader reader);

    private static void AssertReadsAsBefore<T>(string value, JsonConverter<T> converter, SinglePassRead.ShapeCheck check, JsonTypeInfo<T> plain) =>
        Assert.Equal(
            Outcome(value, plain, (ref Utf8JsonReader r) => converter.Read(ref r, typeof(T), JsonSerializerOptions.Default)!),
            Outcome(value, plain, (ref Utf8JsonReader r) => SinglePassRead.ReadAsBefore(ref r, check, plain)));

    /// <summary>The value as JSON (or the error's type and message), and how far the reader got, inside a wrapper object.</summary>
    private static string Outcome<T>(string value, JsonTypeInfo<T> type, ReadValue<T> read)
    {
        var json = Encoding.UTF8.GetBytes("""{"v":""" + value + ""","after":1}""");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();
        try
        {
            var result = read(ref reader);
            reader.Read();
            return JsonSerializer.Serialize(result, type) + " then " + reader.GetString();
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
