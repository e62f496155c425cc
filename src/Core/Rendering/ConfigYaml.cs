using YamlDotNet.Serialization;

namespace RunnerConsole.Core.Rendering;

/// <summary>
/// Serialises configuration files (otel-collector, blackbox-exporter) built as ordered maps and lists. Maps keep
/// insertion order, so the text is as deterministic as the code that built it.
/// </summary>
internal static class ConfigYaml
{
    // Immutable after construction and thread-safe: shared so a render does not pay for building it.
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    public static string Serialize(object document) => Serializer.Serialize(document);
}

/// <summary>An insertion-ordered YAML map; a named type keeps the builders readable.</summary>
internal sealed class YamlMap : Dictionary<string, object>
{
    public YamlMap()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds <paramref name="key"/> only when <paramref name="condition"/> holds (optional blocks).</summary>
    public YamlMap AddIf(bool condition, string key, Func<object> value)
    {
        if (condition)
        {
            Add(key, value());
        }

        return this;
    }
}
