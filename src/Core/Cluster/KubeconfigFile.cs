using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RunnerConsole.Core.Cluster;

/// <summary>
/// Reads a kubeconfig file into KubernetesClient's model, which then builds the connection (auth, TLS) as usual.
/// KubernetesClient's own loader goes through <c>KubernetesYaml</c>, whose first use maps every Kubernetes model type
/// by reflection (most of a CLI run's start-up); the kubeconfig model needs none of that. Same YAML rules: camel-case
/// names with the model's own aliases, merge keys, unknown fields ignored; relative paths resolve next to the file.
/// </summary>
internal static class KubeconfigFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithAttemptingUnquotedStringTypeDeserialization()
        .IgnoreUnmatchedProperties()
        .Build();

    public static K8SConfiguration Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new KubeConfigException($"kubeconfig file not found at {file.FullName}");
        }

        using var reader = file.OpenText();
        var config = Deserializer.Deserialize<K8SConfiguration>(new MergingParser(new Parser(reader)))
            ?? throw new KubeConfigException($"kubeconfig file {file.FullName} is empty");
        config.FileName = file.FullName;
        return config;
    }
}
