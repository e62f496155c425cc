namespace RunnerConsole.Core.Values;

/// <summary>One problem with the values, naming the key path (<c>monitoring.otelCollector.scrapeInterval</c>) and the reason.</summary>
public sealed record ValuesError(string Path, string Message, int? Line = null, int? Column = null)
{
    /// <summary><c>path: message</c> — the same text in the CLI and the web form.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";

    /// <summary>With the file position in front (<c>values.yaml:12:5: path: message</c>) when it is known.</summary>
    public string ToString(string fileName) =>
        Line is { } line ? $"{fileName}:{line}:{Column ?? 1}: {this}" : $"{fileName}: {this}";
}
