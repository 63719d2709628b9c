using System;
using System.Globalization;
using System.Text;

namespace Infisical.Analyzers.Manifest;

/// <summary>Raised for text that is not JSON; carries the offset so INF003 can point at it.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>
/// A small JSON reader for the names manifest and appsettings files. It exists because System.Text.Json
/// cannot be loaded by every host that runs analyzers (Visual Studio ships its own copy). It is tolerant
/// where the .NET configuration JSON reader is tolerant: comments, trailing commas and a byte-order mark.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private JsonReader(string text)
    {
        _text = text;
    }

    /// <summary>Parses one JSON document; throws <see cref="JsonSyntaxException"/> on bad input.</summary>
    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._pos = 1;
        }

        reader.SkipTrivia();
        if (reader._pos >= text.Length)
        {
            throw new JsonSyntaxException(0, "the file is empty");
        }

        var root = reader.ReadValue(0);
        reader.SkipTrivia();
        if (reader._pos < text.Length)
        {
            throw new JsonSyntaxException(reader._pos, "unexpected text after the end of the document");
        }

        return root;
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonSyntaxException(_pos, "the document is nested too deeply");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var start = _pos;
                var s = ReadString();
                return JsonNode.Scalar(JsonKind.String, s, start, _pos - start);
            case 't':
                return ReadWord("true", JsonKind.Boolean);
            case 'f':
                return ReadWord("false", JsonKind.Boolean);
            case 'n':
                return ReadWord("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsonSyntaxException(_pos, $"unexpected character '{c}'");
        }
    }

    private JsonNode ReadObject(int depth)
    {
        var node = JsonNode.NewObject(_pos);
        _pos++;
        while (true)
        {
            SkipTrivia();
            Expect();
            if (_text[_pos] == '}')
            {
                _pos++;
                node.Length = _pos - node.Start;
                return node;
            }

            if (_text[_pos] != '"')
            {
                throw new JsonSyntaxException(_pos, "expected a property name in double quotes");
            }

            var name = ReadString();
            SkipTrivia();
            Expect();
            if (_text[_pos] != ':')
            {
                throw new JsonSyntaxException(_pos, "expected ':' after the property name");
            }

            _pos++;
            SkipTrivia();
            Expect();
            node.Members!.Add(new(name, ReadValue(depth + 1)));
            if (!AfterItem('}'))
            {
                node.Length = _pos - node.Start;
                return node;
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        var node = JsonNode.NewArray(_pos);
        _pos++;
        while (true)
        {
            SkipTrivia();
            Expect();
            if (_text[_pos] == ']')
            {
                _pos++;
                node.Length = _pos - node.Start;
                return node;
            }

            node.Items!.Add(ReadValue(depth + 1));
            if (!AfterItem(']'))
            {
                node.Length = _pos - node.Start;
                return node;
            }
        }
    }

    /// <summary>Consumes ',' (returns true: more may follow) or the closing character (returns false).</summary>
    private bool AfterItem(char close)
    {
        SkipTrivia();
        Expect();
        var c = _text[_pos];
        if (c == ',')
        {
            _pos++;
            return true;
        }

        if (c == close)
        {
            _pos++;
            return false;
        }

        throw new JsonSyntaxException(_pos, $"expected ',' or '{close}'");
    }

    private string ReadString()
    {
        var open = _pos;
        _pos++;
        StringBuilder? sb = null;
        var runStart = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                var tail = _text.Substring(runStart, _pos - runStart);
                _pos++;
                return sb is null ? tail : sb.Append(tail).ToString();
            }

            if (c == '\\')
            {
                sb ??= new StringBuilder();
                sb.Append(_text, runStart, _pos - runStart);
                sb.Append(ReadEscape());
                runStart = _pos;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                throw new JsonSyntaxException(_pos, "a string is not closed before the end of the line");
            }

            _pos++;
        }

        throw new JsonSyntaxException(open, "a string is not closed");
    }

    private char ReadEscape()
    {
        var at = _pos;
        if (_pos + 1 >= _text.Length)
        {
            throw new JsonSyntaxException(at, "incomplete escape sequence");
        }

        var e = _text[_pos + 1];
        _pos += 2;
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length &&
                    int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    _pos += 4;
                    return (char)code;
                }

                throw new JsonSyntaxException(at, "\\u must be followed by four hex digits");
            default:
                throw new JsonSyntaxException(at, $"unknown escape sequence '\\{e}'");
        }
    }

    private JsonNode ReadWord(string word, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            throw new JsonSyntaxException(_pos, $"unexpected character '{_text[_pos]}'");
        }

        var start = _pos;
        _pos += word.Length;
        return JsonNode.Scalar(kind, kind == JsonKind.Null ? null : word, start, word.Length);
    }

    private JsonNode ReadNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && "+-.eE0123456789".IndexOf(_text[_pos]) >= 0)
        {
            _pos++;
        }

        var token = _text.Substring(start, _pos - start);
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new JsonSyntaxException(start, $"'{token}' is not a number");
        }

        return JsonNode.Scalar(JsonKind.Number, token, start, token.Length);
    }

    private void Expect()
    {
        if (_pos >= _text.Length)
        {
            throw new JsonSyntaxException(_text.Length, "unexpected end of file");
        }
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonSyntaxException(_pos, "a comment is not closed");
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
