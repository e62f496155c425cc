namespace RunnerConsole.Core.Values;

/// <summary>
/// An older spelling of a values key that the loader still accepts (files written before the key got its final
/// name keep loading); the writer, schema and docs use only the current name.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ValuesAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
