using System.Text.RegularExpressions;

namespace RunnerConsole.Core.Values;

/// <summary>Kubernetes naming rules; each check returns null when valid, else the reason.</summary>
public static partial class KubernetesNames
{
    /// <summary>DNS-1123 label (namespaces, runner name): lower-case alphanumerics and '-', ≤ <paramref name="maxLength"/>.</summary>
    public static string? CheckLabel(string name, int maxLength = 63)
    {
        if (name.Length > maxLength)
        {
            return $"must be at most {maxLength} characters, got {name.Length}";
        }

        return Dns1123Label().IsMatch(name)
            ? null
            : "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit";
    }

    /// <summary>DNS-1123 subdomain (Secret and ServiceAccount names): labels joined by '.', ≤ 253.</summary>
    public static string? CheckSubdomain(string name)
    {
        if (name.Length > 253)
        {
            return $"must be at most 253 characters, got {name.Length}";
        }

        return Dns1123Subdomain().IsMatch(name)
            ? null
            : "must be a valid Kubernetes name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
    }

    /// <summary>Label or annotation key: optional DNS subdomain prefix and '/', then a name of ≤ 63 characters.</summary>
    public static string? CheckQualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        if (slash >= 0 && (slash == 0 || CheckSubdomain(key[..slash]) is not null))
        {
            return "the prefix before '/' must be a DNS subdomain";
        }

        return name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name)
            ? null
            : "must be a qualified name: up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (optionally prefixed by a DNS subdomain and '/')";
    }

    /// <summary>Label value: empty, or ≤ 63 letters, digits, '-', '_', '.' starting and ending alphanumeric.</summary>
    public static string? CheckLabelValue(string value) =>
        value.Length == 0 || (value.Length <= 63 && QualifiedNamePart().IsMatch(value))
            ? null
            : "must be a label value: up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

    /// <summary>Key inside a Secret or ConfigMap.</summary>
    public static string? CheckDataKey(string key) =>
        key.Length is > 0 and <= 253 && DataKey().IsMatch(key) && key is not "." and not ".."
            ? null
            : "must be a Secret key: letters, digits, '-', '_' and '.'";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex DataKey();
}
