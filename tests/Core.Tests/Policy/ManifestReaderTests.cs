using RunnerConsole.Core.Policy;

namespace RunnerConsole.Core.Tests.Policy;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Read_HelmOutput_UsesSourceCommentsAndSkipsEmptyDocuments()
    {
        var result = ManifestReader.Read("""
            ---
            # Source: runner/templates/configmap.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
              namespace: kubiya
            ---
            # only a comment
            ---
            # Source: runner/templates/sa.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata: { name: b, namespace: kubiya }
            """, "runner.yaml");

        Assert.False(result.HasProblems);
        Assert.Equal(["runner/templates/configmap.yaml", "runner/templates/sa.yaml"], result.Manifests.Select(m => m.Source));
        Assert.Equal(new ManifestLocation(1, 3), result.Locations[0]);
        Assert.Equal(new ManifestLocation(2, 12), result.Locations[1]);
    }

    [Fact]
    public void Read_BadDocuments_ReportsEveryProblemWithDocumentAndLine_WithoutThrowing()
    {
        var yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: ok, namespace: kubiya }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: bad-field }
            spec:
              hostNetwork: hunter2-planted
            ---
            foo: [unclosed
            ---
            - just
            - a list
            ---
            kind: ConfigMap
            metadata: { name: no-api-version }
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: { name: custom }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { namespace: kubiya }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: ok, namespace: kubiya }
            """;

        var result = ManifestReader.Read(yaml, "old.yaml");

        Assert.Equal(["ok"], result.Manifests.Select(m => m.Name));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], result.Problems.Select(p => p.Document));
        Assert.Equal([9, 11, 13, 16, 20, 25, 27], result.Problems.Select(p => p.Line));
        Assert.Contains("Pod 'bad-field'", result.Problems[0].Message);
        Assert.Contains("not valid YAML", result.Problems[1].Message);
        Assert.Contains("list", result.Problems[2].Message);
        Assert.Contains("apiVersion", result.Problems[3].Message);
        Assert.True(result.Problems[4].IsUnknownKind);
        Assert.Contains("metadata.name", result.Problems[5].Message);
        Assert.Contains("defined again (first in document 1)", result.Problems[6].Message);
        Assert.All(result.Problems, p => Assert.DoesNotContain("hunter2", p.Message));
    }

    [Fact]
    public void Read_InvalidSecretData_DoesNotEchoTheValue()
    {
        var result = ManifestReader.Read("""
            apiVersion: v1
            kind: Secret
            metadata: { name: s, namespace: kubiya }
            data:
              password: "not base64 pl4nted!"
            """, "s.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(5, problem.Line);
        Assert.DoesNotContain("pl4nted", problem.Message);
    }

    [Fact]
    public void ReadFile_Missing_IsAProblemNotAnException()
    {
        var result = ManifestReader.ReadFile(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid()}.yaml"));

        Assert.Contains("cannot read file", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Read_EmptyStream_IsAnEmptySet()
    {
        var result = ManifestReader.Read("", "empty.yaml");

        Assert.Empty(result.Manifests);
        Assert.False(result.HasProblems);
    }
}
