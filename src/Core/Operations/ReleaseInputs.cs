using System.Globalization;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Runner;
using RunnerConsole.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RunnerConsole.Core.Operations;

/// <summary>A <see cref="ReleaseRequest"/> built from a values file, or every reason it could not be.</summary>
public sealed record ReleaseInputResult(ReleaseRequest? Request, IReadOnlyList<string> Errors);

/// <summary>A checked values file: the values with defaults, the catalog version, and the file as given.</summary>
public sealed record ValuesInput(RunnerValues Values, RunnerVersion Version, string? Yaml)
{
    /// <summary>The file as given, as JSON: Helm's <c>config</c> of the release (built when a release is recorded, not to render).</summary>
    public JsonObject Config => ReleaseInputs.ToJson(Yaml);
}

/// <summary>
/// Values file → validated values → rendered objects → <see cref="ReleaseRequest"/>. The registry TLS key pair
/// is the live one when the release already has it (so upgrades do not rotate it), fresh otherwise.
/// </summary>
public static class ReleaseInputs
{
    public const string ChartName = RunnerRelease.ChartName;

    public static async Task<ReleaseInputResult> FromValuesAsync(
        string? valuesYaml, string? version, string release, string ns, IKubeCluster? cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        var (input, errors) = Load(valuesYaml, version);
        return input is null ? new ReleaseInputResult(null, errors) : await PrepareAsync(input, release, ns, cluster, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of <see cref="FromValuesAsync"/>, which needs no cluster: the values file checked and matched to a
    /// catalog version; or every reason it cannot be, all at once, each naming <paramref name="source"/> (the file's
    /// path; <c>values</c> when it has none) with the line and column. <paramref name="version"/> (a command-line or
    /// form choice) wins over the file's <c>version</c>; an unknown one is named with where it came from.
    /// </summary>
    public static (ValuesInput? Input, IReadOnlyList<string> Errors) Load(string? valuesYaml, string? version, string source = "values")
    {
        var loaded = ValuesLoader.Load(valuesYaml ?? string.Empty);
        var errors = loaded.Errors.Select(e => e.ToString(source)).ToList();
        var (runnerVersion, versionError) = ResolveVersion(version, loaded, source);
        if (versionError is not null)
        {
            errors.Add(versionError);
        }

        // Helm's `config` is what the user supplied, not the defaults filled in.
        return loaded.IsValid && runnerVersion is not null ? (new ValuesInput(loaded.Values!, runnerVersion, valuesYaml), []) : (null, errors);
    }

    /// <summary>
    /// The catalog version a run uses: <paramref name="requested"/> (command line, form) over the file's own. An unknown
    /// requested one comes back as an error; an unknown one in the file is already among <paramref name="loaded"/>'s
    /// errors (the values check names it with its line), so it is not reported twice.
    /// </summary>
    public static (RunnerVersion? Version, string? Error) ResolveVersion(string? requested, ValuesLoadResult loaded, string source)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var wanted = requested ?? loaded.Values?.Version ?? string.Empty;
        if (RunnerCatalog.Default.Resolve(wanted) is { } found)
        {
            return (found, null);
        }

        var message = $"unknown runner version '{wanted}'; known: {string.Join(", ", RunnerCatalog.Default.Versions.Select(v => v.Version))}";
        return requested is not null ? (null, message)
            : loaded.Errors.Any(e => e.Path == "version") ? (null, null)
            : (null, $"{source}: version: {message}");
    }

    /// <summary>The second half of <see cref="FromValuesAsync"/>: checked values rendered into a release request.</summary>
    public static async Task<ReleaseInputResult> PrepareAsync(
        ValuesInput input, string release, string ns, IKubeCluster? cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var prepared = await RunnerRelease.PrepareAsync(input.Values, input.Version, release, ns, cluster, time, cancellationToken).ConfigureAwait(false);
            return new ReleaseInputResult(prepared with { Config = input.Config.DeepClone().AsObject() }, []);
        }
        catch (ArgumentException ex)
        {
            return new ReleaseInputResult(null, [ex.Message]);
        }
    }

    /// <summary>The user's values file as JSON (Helm's <c>config</c>); scalars typed as YAML 1.2 core would type them.</summary>
    public static JsonObject ToJson(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return [];
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count > 0 && Convert(stream.Documents[0].RootNode) is JsonObject obj ? obj : [];
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static JsonNode? Plain(string? text) => text switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !text.StartsWith('.') => JsonValue.Create(d),
        _ => JsonValue.Create(text),
    };
}
