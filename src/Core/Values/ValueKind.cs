namespace RunnerConsole.Core.Values;

/// <summary>The YAML shape of one values key.</summary>
public enum ValueKind
{
    String,
    Integer,
    Boolean,
    Enum,
    StringList,
    StringMap,
    ObjectList,
    Object,
}
