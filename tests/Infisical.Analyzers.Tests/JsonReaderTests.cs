using Infisical.Analyzers.Manifest;
using Xunit;

namespace Infisical.Analyzers.Tests;

/// <summary>The analyzer's own JSON reader (System.Text.Json cannot be loaded in every analyzer host).</summary>
public sealed class JsonReaderTests
{
    [Fact]
    public void Reads_nested_values_with_positions()
    {
        var root = JsonReader.Parse("""{ "a": [1, -2.5e3, true, false, null, "x\"y\u00e9"], "b": { "c": "d" } }""");
        Assert.Equal(JsonKind.Object, root.Kind);
        var a = root.Get("a")!;
        Assert.Equal(JsonKind.Array, a.Kind);
        Assert.Equal(7, a.Start);
        Assert.Collection(
            a.Items!,
            n => Assert.Equal(("1", JsonKind.Number), (n.Text, n.Kind)),
            n => Assert.Equal(("-2.5e3", JsonKind.Number), (n.Text, n.Kind)),
            n => Assert.Equal(JsonKind.Boolean, n.Kind),
            n => Assert.Equal("false", n.Text),
            n => Assert.Equal(JsonKind.Null, n.Kind),
            n => Assert.Equal("x\"y\u00e9", n.Text));
        Assert.Equal("d", root.Get("b")!.Get("c")!.Text);
    }

    [Fact]
    public void Last_duplicate_member_wins()
    {
        Assert.Equal("2", JsonReader.Parse("""{ "k": 1, "k": 2 }""").Get("k")!.Text);
    }

    [Theory]
    [InlineData("{ \"a\": 1 ", 9, "unexpected end of file")]
    [InlineData("{ a: 1 }", 2, "expected a property name in double quotes")]
    [InlineData("{ \"a\" 1 }", 6, "expected ':' after the property name")]
    [InlineData("[1 2]", 3, "expected ',' or ']'")]
    [InlineData("[tru]", 1, "unexpected character 't'")]
    [InlineData("[1.2.3]", 1, "'1.2.3' is not a number")]
    [InlineData("\"\\q\"", 1, "unknown escape sequence '\\q'")]
    [InlineData("\"\\u12\"", 1, "\\u must be followed by four hex digits")]
    [InlineData("{} {}", 3, "unexpected text after the end of the document")]
    [InlineData("/* open", 0, "a comment is not closed")]
    [InlineData("   ", 0, "the file is empty")]
    public void Reports_the_offset_of_the_problem(string text, int offset, string message)
    {
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(text));
        Assert.Equal(offset, ex.Offset);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(new string('[', 10_000)));
        Assert.Equal("the document is nested too deeply", ex.Message);
    }
}
