using System.Collections.Frozen;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace RunnerConsole.Core.Values;

/// <summary>
/// Reflection over the values records: which keys each record has, in file order. One source for the loader,
/// the writer, the JSON schema and the docs, so a property added to a record shows up everywhere.
/// </summary>
public static class ValuesModel
{
    // Built once from the record types reachable from RunnerValues; frozen, so no mutable static state.
    private static readonly FrozenDictionary<Type, IReadOnlyList<ValuesKey>> KeysByType = DescribeTree(typeof(RunnerValues));

    /// <summary>The keys of a values record type, in file order (<c>enabled</c> first, then the type's own keys, then inherited ones).</summary>
    public static IReadOnlyList<ValuesKey> KeysOf(Type recordType) =>
        KeysByType.TryGetValue(recordType, out var keys) ? keys : Describe(recordType);

    /// <summary>Every key path of the model with its key, depth first in file order (lists of objects as <c>path[]</c>).</summary>
    public static IReadOnlyList<(string Path, ValuesKey Key)> AllPaths()
    {
        var result = new List<(string, ValuesKey)>();
        AddPaths(typeof(RunnerValues), "", result);
        return result;
    }

    private static void AddPaths(Type type, string prefix, List<(string, ValuesKey)> result)
    {
        foreach (var key in KeysOf(type))
        {
            var path = prefix.Length == 0 ? key.Name : $"{prefix}.{key.Name}";
            result.Add((path, key));
            if (key.Kind == ValueKind.Object)
            {
                AddPaths(key.Property.PropertyType, path, result);
            }
            else if (key.Kind == ValueKind.ObjectList)
            {
                AddPaths(key.ElementType, path + "[]", result);
            }
        }
    }

    private static FrozenDictionary<Type, IReadOnlyList<ValuesKey>> DescribeTree(Type root)
    {
        var found = new Dictionary<Type, IReadOnlyList<ValuesKey>>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (found.ContainsKey(type))
            {
                continue;
            }

            var keys = Describe(type);
            found[type] = keys;
            foreach (var key in keys.Where(k => k.Kind is ValueKind.Object or ValueKind.ObjectList))
            {
                pending.Push(key.Kind == ValueKind.Object ? key.Property.PropertyType : key.ElementType);
            }
        }

        return found.ToFrozenDictionary();
    }

    /// <summary>True for the record types that appear as YAML mappings.</summary>
    public static bool IsObject(Type type) => type.GetMethod("<Clone>$") is not null;

    /// <summary>A shallow copy of a record, so a loader can set init properties without touching the original.</summary>
    public static object Clone(object record) =>
        record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;

    /// <summary>camelCase of a property or enum member name (a key may override it with <c>[JsonPropertyName]</c>).</summary>
    public static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The YAML names of an enum's members (<c>[EnumMember]</c> value, else camelCase).</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(n => EnumName(enumType, n))];

    /// <summary>The YAML name of one enum value.</summary>
    public static string EnumName(object value) => EnumName(value.GetType(), value.ToString()!);

    /// <summary>Parses a YAML enum name (exact match of <see cref="EnumNames"/>); null when it is none of them.</summary>
    public static object? ParseEnum(Type enumType, string text)
    {
        foreach (var name in Enum.GetNames(enumType))
        {
            if (EnumName(enumType, name) == text)
            {
                return Enum.Parse(enumType, name);
            }
        }

        return null;
    }

    internal static Type ElementType(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlyList<>))
            {
                return type.GetGenericArguments()[0];
            }

            if (definition == typeof(IReadOnlyDictionary<,>))
            {
                return type.GetGenericArguments()[1];
            }
        }

        return type;
    }

    private static string EnumName(Type enumType, string memberName) =>
        enumType.GetField(memberName)?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? CamelCase(memberName);

    private static IReadOnlyList<ValuesKey> Describe(Type recordType)
    {
        var properties = recordType
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .ToList();

        // File order as in Helm charts: enabled, replicas, then inherited keys (image, resources, scheduling), then the component's own.
        var ordered = properties
            .OrderBy(p => p.Name switch { "Enabled" => 0, "Replicas" => 1, _ => 2 })
            .ThenBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken);
        return [.. ordered.Select(p => new ValuesKey(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? CamelCase(p.Name), KindOf(p), DescriptionOf(p), p)
        {
            Aliases = [.. p.GetCustomAttributes<ValuesAliasAttribute>().Select(a => a.Alias)],
        })];
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static string DescriptionOf(PropertyInfo property) =>
        property.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} has no [Description].");

    private static ValueKind KindOf(PropertyInfo property)
    {
        var type = property.PropertyType;
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        if (scalar == typeof(string))
        {
            return ValueKind.String;
        }

        if (scalar == typeof(int) || scalar == typeof(long))
        {
            return ValueKind.Integer;
        }

        if (scalar == typeof(bool))
        {
            return ValueKind.Boolean;
        }

        if (scalar.IsEnum)
        {
            return ValueKind.Enum;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return type.GetGenericArguments()[0] == typeof(string) ? ValueKind.StringList : ValueKind.ObjectList;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return ValueKind.StringMap;
        }

        if (IsObject(type))
        {
            return ValueKind.Object;
        }

        throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: unsupported values type {type.Name}.");
    }
}
