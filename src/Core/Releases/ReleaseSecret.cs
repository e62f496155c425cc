using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;

namespace RunnerConsole.Core.Releases;

/// <summary>The Secret that holds one release revision, named and labelled exactly as Helm's Secret driver does.</summary>
public static class ReleaseSecret
{
    public const string SecretType = "helm.sh/release.v1";
    public const string DataKey = "release";
    public const string Owner = "helm";

    /// <summary>Annotation naming who ran the operation and why (Helm ignores annotations on its Secrets).</summary>
    public const string OperatorAnnotation = "runner-console.kubiya.ai/operation";

    public static string Name(string release, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"sh.helm.release.v1.{release}.v{version}");

    /// <summary>Label selector of every revision of <paramref name="release"/>.</summary>
    public static string Selector(string release) => $"name={release},owner={Owner}";

    /// <summary>
    /// Builds the Secret for <paramref name="record"/>. A create stamps <c>createdAt</c>, an update
    /// <c>modifiedAt</c> (unix seconds), as Helm does.
    /// </summary>
    public static V1Secret Build(ReleaseRecord record, DateTimeOffset now, bool forUpdate, string? operation = null)
    {
        var labels = new Dictionary<string, string>
        {
            ["name"] = record.Name,
            ["owner"] = Owner,
            ["status"] = record.Status.ToHelm(),
            ["version"] = record.Version.ToString(CultureInfo.InvariantCulture),
            [forUpdate ? "modifiedAt" : "createdAt"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = Name(record.Name, record.Version),
                NamespaceProperty = record.Namespace,
                Labels = labels,
                Annotations = operation is null ? null : new Dictionary<string, string> { [OperatorAnnotation] = operation },
            },
            Type = SecretType,
            Data = new Dictionary<string, byte[]> { [DataKey] = ReleaseCodec.EncodeSecretData(record) },
        };
    }

    /// <summary>
    /// <see cref="Build"/> as the JSON sent to the API, made directly: the record is encoded once and no typed
    /// Secret is serialised on the way.
    /// </summary>
    public static JsonObject BuildJson(ReleaseRecord record, DateTimeOffset now, bool forUpdate, string? operation = null)
    {
        var metadata = new JsonObject
        {
            ["name"] = Name(record.Name, record.Version),
            ["namespace"] = record.Namespace,
            ["labels"] = new JsonObject
            {
                ["name"] = record.Name,
                ["owner"] = Owner,
                ["status"] = record.Status.ToHelm(),
                ["version"] = record.Version.ToString(CultureInfo.InvariantCulture),
                [forUpdate ? "modifiedAt" : "createdAt"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
        };
        if (operation is not null)
        {
            metadata["annotations"] = new JsonObject { [OperatorAnnotation] = operation };
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = metadata,
            ["type"] = SecretType,
            // The API's base64 around the bytes of Helm's base64 text.
            ["data"] = new JsonObject { [DataKey] = Convert.ToBase64String(ReleaseCodec.EncodeSecretData(record)) },
        };
    }

    /// <summary>Reads the release inside a Helm release Secret.</summary>
    public static ReleaseRecord Read(V1Secret secret)
    {
        if (secret.Data is null || !secret.Data.TryGetValue(DataKey, out var data))
        {
            throw new InvalidDataException($"secret {secret.Metadata?.Name} has no '{DataKey}' key");
        }

        return ReleaseCodec.DecodeSecretData(data);
    }
}
