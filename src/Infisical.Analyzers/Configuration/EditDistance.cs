using System;

namespace Infisical.Analyzers.Configuration;

/// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent swaps), used for "did you mean".</summary>
internal static class EditDistance
{
    /// <summary>The largest distance still reported as a likely typo for a name of this length.</summary>
    public static int Threshold(int length) => length <= 3 ? 0 : length <= 7 ? 1 : length <= 15 ? 2 : 3;

    /// <summary>Distance between a and b, or <c>max + 1</c> as soon as it is known to exceed max.</summary>
    public static int Compute(string a, string b, int max, bool ignoreCase)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // The search compares one name with every known name: rows are reused per thread, not allocated per pair.
        if (t_rows is null || t_rows[0].Length < b.Length + 1)
        {
            t_rows = new[] { new int[b.Length + 16], new int[b.Length + 16], new int[b.Length + 16] };
        }

        var previous2 = t_rows[0];
        var previous = t_rows[1];
        var current = t_rows[2];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1], ignoreCase) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2], ignoreCase) && Same(a[i - 2], b[j - 1], ignoreCase))
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    [ThreadStatic]
    private static int[][]? t_rows;

    private static bool Same(char x, char y, bool ignoreCase)
    {
        if (x == y || !ignoreCase)
        {
            return x == y;
        }

        if (x < 128 && y < 128)
        {
            // ASCII: letters differ by case in bit 0x20 only; names are mostly ASCII, and this skips the casing table.
            var folded = x | 0x20;
            return folded == (y | 0x20) && folded >= 'a' && folded <= 'z';
        }

        return char.ToUpperInvariant(x) == char.ToUpperInvariant(y);
    }
}
