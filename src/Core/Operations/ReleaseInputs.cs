using System.Globalization;
using System.Text.Json.Nodes;
using RunnerConsole.Core.Catalog;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.Core.Rendering;
using RunnerConsole.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RunnerConsole.Core.Operations;

/// <summary>A <see cref="ReleaseRequest"/> built from a values file, or every reason it could not be.</summary>
public sealed record ReleaseInputResult(ReleaseRequest? Request, IReadOnlyList<string> Errors);

/// <summary>
/// Values file → validated values → rendered objects → <see cref="ReleaseRequest"/>. The registry TLS key pair
/// is the live one when the release already has it (so upgrades do not rotate it), fresh otherwise.
/// </summary>
public static class ReleaseInputs
{
    public const string ChartName = "kubiya-runner";

    public static async Task<ReleaseInputResult> FromValuesAsync(
        string? valuesYaml, string? version, string release, string ns, IKubeCluster? cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        var loaded = ValuesLoader.Load(valuesYaml ?? string.Empty);
        if (!loaded.IsValid)
        {
            return new ReleaseInputResult(null, [.. loaded.Errors.Select(e => e.ToString("values"))]);
        }

        var values = loaded.Values!;
        var wanted = version ?? values.Version;
        var runnerVersion = RunnerCatalog.Default.Resolve(wanted);
        if (runnerVersion is null)
        {
            return new ReleaseInputResult(null, [$"unknown runner version '{wanted}' (known: {string.Join(", ", RunnerCatalog.Default.Versions.Select(v => v.Version))})"]);
        }

        ManifestSet rendered;
        try
        {
            // First pass only learns which TLS Secret the render wants; the second uses the live pair when it exists.
            var probe = new CapturingTls();
            RunnerRenderer.Render(values, runnerVersion, release, ns, new RenderContext(probe));
            var material = probe.Request is { } request && cluster is not null ? await LiveTlsAsync(cluster, request, cancellationToken) : null;
            var context = material is null ? RenderContext.ForInstall(time) : new RenderContext(new ExistingRegistryTls(material));
            rendered = RunnerRenderer.Render(values, runnerVersion, release, ns, context);
        }
        catch (ArgumentException ex)
        {
            return new ReleaseInputResult(null, [ex.Message]);
        }

        var request1 = new ReleaseRequest(release, ns, rendered, new ChartMetadata
        {
            Name = ChartName,
            Version = runnerVersion.Version,
            AppVersion = runnerVersion.AppVersion,
            Description = "Kubiya runner, rendered by runner-console",
        })
        {
            Config = ToJson(valuesYaml),
        };
        return new ReleaseInputResult(request1, []);
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

    private static async Task<RegistryTlsMaterial?> LiveTlsAsync(IKubeCluster cluster, RegistryTlsRequest request, CancellationToken cancellationToken)
    {
        var secret = await cluster.GetAsync(new ObjectKey("v1", "Secret", request.Namespace, request.SecretName), cancellationToken);
        var cert = (string?)secret?["data"]?["tls.crt"];
        var key = (string?)secret?["data"]?["tls.key"];
        return cert is null || key is null ? null : new RegistryTlsMaterial(System.Convert.FromBase64String(cert), System.Convert.FromBase64String(key));
    }

    private sealed class CapturingTls : ISecretMaterialSource
    {
        public RegistryTlsRequest? Request { get; private set; }

        public RegistryTlsMaterial GetRegistryTls(RegistryTlsRequest request)
        {
            Request = request;
            return new RegistryTlsMaterial([], []);
        }
    }
}
