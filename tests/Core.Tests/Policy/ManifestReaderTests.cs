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

public sealed class ManifestReaderRobustnessTests
{
    public static TheoryData<string> OddInputs => new()
    {
        "\t\tapiVersion: v1\n",
        "\0\u0001binary\u00ff",
        "--- |\n  a literal block\n",
        "%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, namespace: n }\n",
        "apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: { name: a }\n",
        "base: &b { name: a }\napiVersion: v1\nkind: ConfigMap\nmetadata: *b\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: [a, b] }\n",
        "apiVersion: [v1]\nkind: { a: b }\n",
        "apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c, resources: { limits: { memory: lots } } } ] }\n",
        "...\n...\n---\n---\n",
        "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n  namespace: n\r\n",
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public void Read_OddInput_NeverThrowsAndEvaluates(string yaml)
    {
        var result = ManifestReader.Read(yaml, "odd.yaml");

        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        _ = PolicyEngine.Evaluate(result.Manifests);
    }

    [Fact]
    public void Read_BadQuantity_SaysQuantity()
    {
        var result = ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - name: c\n    resources: { limits: { memory: lots } }\n", "q.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(7, problem.Line);
        Assert.Contains("Kubernetes quantity", problem.Message);
    }

    [Fact]
    public void Read_CrLfLineEndings_AreAccepted()
    {
        var result = ManifestReader.Read("apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n  namespace: n\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata: { name: b, namespace: n }\r\n", "crlf.yaml");

        Assert.False(result.HasProblems, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Manifests.Count);
    }
}
