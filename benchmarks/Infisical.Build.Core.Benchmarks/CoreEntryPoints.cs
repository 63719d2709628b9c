using System;
using System.Collections;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

/// <summary>
/// The build core's renderers and merger are internal (the task assembly is their only caller), so the benchmark
/// binds to them once through compiled expression delegates: each call is then a direct call, with no reflection
/// cost inside the measured operation. The objects passed in are built here with the core's own constructors.
/// </summary>
internal static class CoreEntryPoints
{
    private static readonly Assembly Core = Assembly.Load("Infisical.Build.Core");

    public static Type T(string name) => Core.GetType("Infisical.Build.Core." + name, throwOnError: true)!;

    public static object New(string type, params object?[] args) => Activator.CreateInstance(T(type), args)!;

    /// <summary>A <c>List&lt;T&gt;</c> of one of the core's types, filled with <paramref name="items"/>.</summary>
    public static IList ListOf(string type, System.Collections.Generic.IEnumerable<object> items)
    {
        var list = (IList)Activator.CreateInstance(typeof(System.Collections.Generic.List<>).MakeGenericType(T(type)))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public static object Problems() => Activator.CreateInstance(typeof(System.Collections.Generic.List<>).MakeGenericType(T("Diagnostics.BuildProblem")))!;

    /// <summary>A delegate calling the static method <paramref name="type"/>.<paramref name="method"/>; the arguments are cast to its parameter types.</summary>
    public static Func<object[], object> Bind(string type, string method)
    {
        var info = T(type).GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        var args = Expression.Parameter(typeof(object[]), "args");
        var call = Expression.Call(info, info.GetParameters().Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        return Expression.Lambda<Func<object[], object>>(Expression.Convert(call, typeof(object)), args).Compile();
    }
}
