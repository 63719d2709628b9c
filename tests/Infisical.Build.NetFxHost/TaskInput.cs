using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Infisical.Build.NetFxHost;

/// <summary>
/// Task parameters read from a line-based text file, so the host needs no JSON library (the task's own
/// dependencies must not be loaded before the task asks for them). One assignment a line:
/// <code>
/// # a comment
/// Name=value            a string, bool, int or string[] (split on ';') parameter, or items split on ';'
/// Name+=itemSpec        appends one item to an ITaskItem[] (or string[]) parameter
/// Name+.Meta=value      sets metadata Meta on the item appended last to Name
/// </code>
/// Everything after the first '=' is the value, taken verbatim (no trimming, no escapes).
/// </summary>
internal sealed class TaskInput
{
    private readonly Dictionary<string, string> _scalars = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<TaskItem>> _items = new Dictionary<string, List<TaskItem>>(StringComparer.OrdinalIgnoreCase);

    public static TaskInput Parse(IEnumerable<string> lines)
    {
        var input = new TaskInput();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Input line {number} is not Name=value.");
            }

            var name = line.Substring(0, equals);
            var value = line.Substring(equals + 1);
            var metadata = name.IndexOf("+.", StringComparison.Ordinal);
            if (metadata > 0)
            {
                var owner = name.Substring(0, metadata);
                if (!input._items.TryGetValue(owner, out var list) || list.Count == 0)
                {
                    throw new FormatException($"Input line {number} sets metadata before any {owner}+= item.");
                }

                list[list.Count - 1].SetMetadata(name.Substring(metadata + 2), value);
            }
            else if (name.EndsWith("+", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 1);
                if (!input._items.TryGetValue(name, out var list))
                {
                    input._items[name] = list = new List<TaskItem>();
                }

                list.Add(new TaskItem(value));
            }
            else
            {
                input._scalars[name] = value;
            }
        }

        return input;
    }

    public static TaskInput Read(string path) => Parse(File.ReadAllLines(path));

    /// <summary>Sets every parameter on the task, converting as MSBuild would; unknown or read-only names are errors.</summary>
    public void ApplyTo(object task)
    {
        var type = task.GetType();
        foreach (var name in _scalars.Keys.Concat(_items.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // MSBuild matches parameter names case-insensitively.
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property == null || property.SetMethod == null || !property.SetMethod.IsPublic)
            {
                throw new ArgumentException($"The task {type.FullName} has no settable parameter '{name}'.");
            }

            property.SetValue(task, Convert(property, name));
        }

        // MSB4044's check: a [Required] parameter must be given.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.IsDefined(typeof(RequiredAttribute), inherit: true) && !_scalars.ContainsKey(property.Name) && !_items.ContainsKey(property.Name))
            {
                throw new ArgumentException($"The task {type.FullName} needs its required parameter '{property.Name}'.");
            }
        }
    }

    private object? Convert(PropertyInfo property, string name)
    {
        var target = property.PropertyType;
        _scalars.TryGetValue(name, out var scalar);
        _items.TryGetValue(name, out var items);
        var all = (items ?? new List<TaskItem>()).Concat(Split(scalar).Select(s => new TaskItem(s))).ToList();
        if (target == typeof(ITaskItem[]))
        {
            return all.Cast<ITaskItem>().ToArray();
        }

        if (target == typeof(string[]))
        {
            return all.Select(i => i.ItemSpec).ToArray();
        }

        if (items != null)
        {
            throw new ArgumentException($"Parameter '{name}' is a {target.Name}, not a list: use {name}=value.");
        }

        if (target == typeof(string))
        {
            return scalar;
        }

        if (target == typeof(ITaskItem))
        {
            return new TaskItem(scalar);
        }

        if (target == typeof(bool))
        {
            return ParseBool(name, scalar!);
        }

        if (target == typeof(int))
        {
            return int.Parse(scalar, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        throw new ArgumentException($"Parameter '{name}' has type {target.FullName}, which this host cannot set.");
    }

    private static IEnumerable<string> Split(string? value) =>
        value == null ? Enumerable.Empty<string>() : value.Split(';').Where(s => s.Trim().Length > 0);

    // The spellings MSBuild accepts for a bool parameter.
    private static bool ParseBool(string name, string value)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true":
            case "on":
            case "yes":
            case "!false":
                return true;
            case "false":
            case "off":
            case "no":
            case "!true":
                return false;
            default:
                throw new ArgumentException($"Parameter '{name}' needs a bool, not '{value}'.");
        }
    }
}
