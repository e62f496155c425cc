using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;

namespace RunnerConsole.Core.Policy;

/// <summary>
/// Secret hygiene: no credentials as literals in ConfigMaps or container env, no private keys shipped in Secrets.
/// Findings name the key and the value's length, never the value.
/// </summary>
public static partial class SecretRules
{
    private const string Family = "Secrets";

    public static readonly PolicyRule ConfigMapLiteral = new("SE001", Family, PolicySeverity.Error, "No credentials in ConfigMap data");
    public static readonly PolicyRule EnvLiteral = new("SE002", Family, PolicySeverity.Error, "No credentials as literal container env values");
    public static readonly PolicyRule ShippedPrivateKey = new("SE003", Family, PolicySeverity.Error, "No private keys in Secrets unless generated per install");

    public static IReadOnlyList<PolicyRule> All { get; } = [ConfigMapLiteral, EnvLiteral, ShippedPrivateKey];

    internal static void Evaluate(PolicyContext ctx)
    {
        foreach (var (m, cm) in ctx.OfType<V1ConfigMap>())
        {
            foreach (var (key, value) in (cm.Data ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var why = Classify(key, value);
                if (why is not null)
                {
                    ctx.Report(ConfigMapLiteral, m, FieldPath.Key("data", key),
                        $"ConfigMap key '{key}' ({value.Length} characters) {why}; ConfigMaps are readable by anyone who can read the namespace's configuration.",
                        $"Move '{key}' into a Secret (created per install, not shipped in the manifests) and reference it with secretKeyRef or a secret volume.");
                    continue;
                }

                foreach (var (line, setting, length) in EmbeddedCredentials(value))
                {
                    ctx.Report(ConfigMapLiteral, m, FieldPath.Key("data", key),
                        $"Line {line} of ConfigMap key '{key}' sets '{setting}' to a literal value ({length} characters); ConfigMaps are readable by anyone who can read the namespace's configuration.",
                        $"Read '{setting}' from a mounted Secret or an environment variable fed by secretKeyRef (e.g. ${{env:NAME}} in the collector config, $__file{{/path}} in Grafana provisioning) instead of writing it into the ConfigMap.");
                }
            }

            foreach (var (key, bytes) in (cm.BinaryData ?? new Dictionary<string, byte[]>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var what = DescribeSecretValue(Decode(bytes));
                if (what is not null)
                {
                    ctx.Report(ConfigMapLiteral, m, FieldPath.Key("binaryData", key),
                        $"ConfigMap binary key '{key}' ({bytes.Length} bytes) contains {what}.",
                        $"Move '{key}' into a Secret created per install.");
                }
            }
        }

        foreach (var pod in PodTemplate.In(ctx.Set))
        {
            foreach (var c in pod.AllContainers)
            {
                var env = c.Container.Env ?? [];
                for (var i = 0; i < env.Count; i++)
                {
                    var value = env[i].Value;
                    var why = value is null ? null : Classify(env[i].Name ?? string.Empty, value);
                    if (why is not null)
                    {
                        ctx.Report(EnvLiteral, pod.Owner, FieldPath.Join(FieldPath.Item(c.Path, "env", env[i].Name, i), "value"),
                            $"Environment variable '{env[i].Name}' of {c.Describe()} is set to a literal value ({value!.Length} characters) and {why}; literal env values are visible to anyone who can read the workload.",
                            $"Store the value in a Secret and use env[].valueFrom.secretKeyRef for '{env[i].Name}'.");
                    }
                }
            }
        }

        foreach (var (m, secret) in ctx.OfType<V1Secret>())
        {
            if (secret.Metadata?.Annotations?.TryGetValue(PolicyAnnotations.Generated, out var generated) == true
                && generated == PolicyAnnotations.GeneratedPerInstall)
            {
                continue;
            }

            var entries = (secret.Data ?? new Dictionary<string, byte[]>()).Select(kv => ("data", kv.Key, Decode(kv.Value), kv.Value.Length))
                .Concat((secret.StringData ?? new Dictionary<string, string>()).Select(kv => ("stringData", kv.Key, kv.Value, kv.Value.Length)))
                .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal);
            foreach (var (field, key, text, length) in entries)
            {
                if (PrivateKeyPattern().IsMatch(text))
                {
                    ctx.Report(ShippedPrivateKey, m, FieldPath.Key(field, key),
                        $"Secret key '{key}' ({length} bytes) contains a PEM private key shipped with the manifests: every install that uses them shares the same key, and the key is public wherever the manifests are.",
                        "Remove the key from the manifests and generate it per install (e.g. cert-manager, or a Secret created at install time), then mark generated Secrets with "
                        + $"annotation {PolicyAnnotations.Generated}: \"{PolicyAnnotations.GeneratedPerInstall}\". Rotate the shipped key: treat it as compromised.");
                }
            }
        }
    }

    /// <summary>Why a literal named <paramref name="name"/> looks like a credential, or null.</summary>
    internal static string? Classify(string name, string value)
    {
        var what = DescribeSecretValue(value);
        if (what is not null)
        {
            return $"contains {what}";
        }

        if (NameLooksLikeCredential(name) && !IsHarmlessValue(value))
        {
            return "is named like a credential";
        }

        return null;
    }

    /// <summary>
    /// True for names like <c>DB_PASSWORD</c>, <c>nats-token</c>, <c>apiKey</c>; false for names that refer to a secret
    /// rather than hold one (<c>TOKEN_FILE</c>, <c>secretName</c>, <c>token_url</c>, <c>TOKEN_TTL</c>).
    /// </summary>
    internal static bool NameLooksLikeCredential(string name) =>
        SecretNamePattern().IsMatch(name) && !NotASecretNamePattern().IsMatch(name) && !NotASecretCamelNamePattern().IsMatch(name);

    /// <summary>
    /// Settings inside a configuration file held in a ConfigMap value (<c>password: hunter2</c>, <c>"apiKey": "…"</c>,
    /// <c>token = …</c>) whose key looks like a credential and whose value is a literal: (line within the value, key, value length).
    /// </summary>
    internal static IEnumerable<(int Line, string Key, int Length)> EmbeddedCredentials(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            yield break;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var m = EmbeddedSetting().Match(lines[i]);
            if (m.Success && NameLooksLikeCredential(m.Groups["key"].Value))
            {
                var value = m.Groups["value"].Value.Trim().Trim('"', '\'', ',').Trim();
                if (!IsHarmlessValue(value) && value is not ("|" or ">" or "|-" or ">-" or "{" or "[" or "{}" or "[]"))
                {
                    yield return (i + 1, m.Groups["key"].Value, value.Length);
                }
            }
        }
    }

    /// <summary>What kind of secret material the text contains (no part of it), or null.</summary>
    internal static string? DescribeSecretValue(string text)
    {
        if (PrivateKeyPattern().IsMatch(text))
        {
            return "a PEM private key";
        }

        if (NatsCredsPattern().IsMatch(text))
        {
            return "NATS credentials";
        }

        if (NKeySeedPattern().IsMatch(text))
        {
            return "an NATS nkey seed";
        }

        return JwtPattern().IsMatch(text) ? "a JSON Web Token" : null;
    }

    private static bool IsHarmlessValue(string value)
    {
        var v = value.Trim();
        return v.Length == 0
            || v is "true" or "false" or "null" or "~"
            || v.All(c => char.IsAsciiDigit(c) || c is '.' or '-')
            || v.StartsWith('/')
            || v.StartsWith("${", StringComparison.Ordinal) || v.StartsWith("$(", StringComparison.Ordinal) || v.StartsWith("{{", StringComparison.Ordinal);
    }

    private static string Decode(byte[]? bytes)
    {
        try
        {
            return bytes is null ? string.Empty : Encoding.UTF8.GetString(bytes);
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }

    // The word may be followed by a separator, an upper-case letter (camelCase) or the end, not by more lower-case letters (tokenizer).
    [GeneratedRegex(@"(?i:password|passwd|secret|token|api[_\-.]?key|private[_\-.]?key|credential|creds)(?i:s)?(?![a-z])")]
    private static partial Regex SecretNamePattern();

    // References to secrets rather than secrets: file paths, names of Secrets, URLs, lifetimes, switches.
    [GeneratedRegex(@"[_\-.](file|path|dir|name|ref|url|endpoint|ttl|expiry|expiration|duration|enabled|mode|type|length|header)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotASecretNamePattern();

    [GeneratedRegex(@"[a-z0-9](File|Path|Dir|Name|Ref|Url|URL|Endpoint|Ttl|TTL|Expiry|Expiration|Duration|Enabled|Mode|Type|Length|Header)$")]
    private static partial Regex NotASecretCamelNamePattern();

    // key: value / "key": "value" / key = value, on one line of a configuration file.
    [GeneratedRegex(@"^\s*(?:-\s+)?[""']?(?<key>[A-Za-z_][\w.\-]*)[""']?\s*[:=]\s*(?<value>[^#\s].*?)\s*$")]
    private static partial Regex EmbeddedSetting();

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"-----BEGIN (NATS USER JWT|USER NKEY SEED)-----")]
    private static partial Regex NatsCredsPattern();

    [GeneratedRegex(@"\bS[UAONCXP][A-Z2-7]{56}\b")]
    private static partial Regex NKeySeedPattern();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();
}
