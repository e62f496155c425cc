using System.Reflection;

namespace RunnerConsole.Core.Values;

/// <summary>
/// One key of the values file as the model defines it: its camelCase name, shape, description and the
/// record property behind it. <see cref="ValuesModel"/> lists them; loader, writer, schema and docs share them.
/// </summary>
public sealed record ValuesKey(string Name, ValueKind Kind, string Description, PropertyInfo Property)
{
    /// <summary>The CLR type of the value (for lists and maps: of the elements; for nullables: the underlying type).</summary>
    public Type ElementType => ValuesModel.ElementType(Property.PropertyType);

    /// <summary>YAML names of the enum members when <see cref="Kind"/> is <see cref="ValueKind.Enum"/>.</summary>
    public IReadOnlyList<string> EnumNames => Kind == ValueKind.Enum ? ValuesModel.EnumNames(ElementType) : [];

    /// <summary>Older spellings the loader also accepts (<see cref="ValuesAliasAttribute"/>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True when <paramref name="name"/> is this key's name or one of its aliases.</summary>
    public bool Matches(string name) => Name == name || Aliases.Contains(name);

    /// <summary>True when the key may be absent (nullable number).</summary>
    public bool IsNullable => Nullable.GetUnderlyingType(Property.PropertyType) is not null;
}
