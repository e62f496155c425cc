using k8s;
using k8s.Models;
using RunnerConsole.Core.Rendering;

namespace RunnerConsole.Core.Policy;

/// <summary>What a rule family sees while evaluating: the set, options, and where findings go.</summary>
internal sealed class PolicyContext(ManifestSet set, PolicyOptions options)
{
    private readonly List<(Manifest Manifest, PolicyFinding Finding)> _findings = [];

    public ManifestSet Set { get; } = set;

    public PolicyOptions Options { get; } = options;

    public IReadOnlyList<(Manifest Manifest, PolicyFinding Finding)> Findings => _findings;

    public IEnumerable<(Manifest Manifest, T Object)> OfType<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        foreach (var manifest in Set)
        {
            if (manifest.Object is T typed)
            {
                yield return (manifest, typed);
            }
        }
    }

    public void Report(PolicyRule rule, Manifest manifest, string fieldPath, string message, string fix) =>
        _findings.Add((manifest, new PolicyFinding(rule.Id, rule.Severity, PolicyObjectRef.From(manifest), fieldPath, message, fix)));
}

/// <summary>Builds field paths: <c>a.b</c>, list items by name (<c>containers[name=x]</c>) or index, map keys.</summary>
internal static class FieldPath
{
    public static string Join(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";

    public static string Item(string prefix, string list, string? name, int index) =>
        string.IsNullOrEmpty(name) ? $"{Join(prefix, list)}[{index}]" : $"{Join(prefix, list)}[name={name}]";

    /// <summary>A map key: <c>data.PASSWORD</c>, or <c>data["config.yaml"]</c> when the key is not a plain identifier.</summary>
    public static string Key(string prefix, string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? Join(prefix, key)
            : $"{prefix}[\"{key}\"]";
}

internal static class Wording
{
    /// <summary>Upper-cases the first letter: "container 'x'" → "Container 'x'".</summary>
    public static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
