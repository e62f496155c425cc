using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RunnerConsole.Core.Yaml;
using RunnerConsole.Sandbox.Tooling;

namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>
/// <see cref="KubeYaml"/> must give back exactly the object it was given, to YamlDotNet (the client's reader, used for
/// release records) and to go-yaml with YAML 1.1 rules (kubectl and helm, read here through <c>kubectl --local</c>).
/// </summary>
public sealed class KubeYamlTests : IDisposable
{
    private readonly ToolRunner _tools = new();

    public void Dispose() => _tools.Dispose();

    /// <summary>Strings that a careless writer turns into another type, another string, or invalid YAML.</summary>
    public static TheoryData<string> TrickyStrings => new(
        "", " ", "  ", "yes", "Yes", "YES", "no", "No", "on", "On", "OFF", "off", "y", "Y", "n", "N", "true", "False", "TRUE",
        "null", "Null", "NULL", "~", "=", "<<", "8080", "-1", "+1", "0755", "0o17", "0x1F", "0b101", "1_000", "1e3", "1E3", "-1.5e-3",
        "1.5", ".5", "5.", ".inf", "-.Inf", ".NaN", "1:20", "190:20:30.15", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
        "1.1.0", "v1.35.0", "100m", "64Mi", "a: b", "a:b", "a:", ":a", "a #b", "a#b", "#x", "- dash", "-x", "--flag=value", "---",
        "...", "? q", "[x]", "{x}", "x, y", "&anchor", "*alias", "!tag", "|", ">", "'single'", "\"double\"", "%percent", "@at", "`tick",
        " leading", "trailing ", "tab\there", "\ttab", "back\\slash", "quote\"inside", "it's", "ünïcödé — ✓ 🚀",
        "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\uFEFFx", "bell\u0007x", "del\u007Fx", "c1\u0090x", "cr\r\nlf", "cr only\r",
        "line1\nline2", "line1\nline2\n", "line1\nline2\n\n", "line1\n\n\n", "\nleading newline", "  indented\nsecond",
        " \n", "\n", "\n\n", "a\n \nb", "a\n\tb\n", "trailing space \nline ", "{{ .Values.x }}\n", "# comment-like\n- item\n");

    /// <summary>The tricky strings YamlDotNet can read at all: its merging parser takes any scalar <c>&lt;&lt;</c>, even quoted, for a merge key.</summary>
    public static TheoryData<string> TrickyStringsForYamlDotNet => new(TrickyStrings.Select(row => row.Data).Where(text => text != "<<"));

    [Theory]
    [MemberData(nameof(RenderVariants))]
    public void RenderedKinds_EveryKindTheRendererEmits_HasCompiledMetadata(string variant)
    {
        // KubeYaml.Prepare and the writers rely on KubeJsonContext listing every rendered kind; a kind missing there
        // still serialises (through reflection) but costs a fresh CLI process its start-up time.
        var compiled = KubeYaml.RenderedKinds.ToHashSet();

        var missing = RenderFixture.Render(RenderFixture.Variant(variant)).Select(m => m.Object.GetType()).Distinct().Where(t => !compiled.Contains(t));

        Assert.Empty(missing);
        KubeYaml.Prepare();
    }

    public static TheoryData<string> RenderVariants => RenderFixture.Variants;

    [Theory]
    [MemberData(nameof(TrickyStringsForYamlDotNet))]
    public void Serialize_TrickyStringAsValueAndKey_YamlDotNetReadsTheSameString(string text)
    {
        var map = ConfigMapWith(text);

        var yaml = KubeYaml.Serialize(map);
        var back = KubernetesYaml.Deserialize<V1ConfigMap>(yaml, strict: true);

        Assert.Equal(map.Data, back.Data);
        Assert.Equal(KubernetesJson.Serialize(map), KubernetesJson.Serialize(back));
    }

    [Theory]
    [MemberData(nameof(TrickyStringsForYamlDotNet))]
    public void SerializeTrimmed_TrickyStringAsLastValue_ReadsBackAlone(string text)
    {
        var map = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new() { Name = "m" }, Data = new Dictionary<string, string> { ["z"] = text } };

        var back = KubernetesYaml.Deserialize<V1ConfigMap>(KubeYaml.SerializeTrimmed(map), strict: true);

        Assert.Equal(text, back.Data["z"]);
    }

    [Fact]
    public async Task Serialize_AllTrickyStrings_KubectlReadsTheSameStrings()
    {
        var maps = TrickyStrings.Select((row, i) => ConfigMapWith(row.Data, $"m{i}")).ToList();
        var stream = KubeYaml.SerializeStream(maps.Select(m => ((string?)null, (object)m)), separatorBeforeFirst: false);

        var items = await KubectlReadAsync(stream);

        Assert.Equal(maps.Count, items.Count);
        for (var i = 0; i < maps.Count; i++)
        {
            var expected = JsonNode.Parse(KubernetesJson.Serialize(maps[i].Data))!;
            Assert.True(JsonNode.DeepEquals(expected, items[i]!["data"]), $"{maps[i].Data.First().Value}: kubectl read {items[i]!["data"]!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Serialize_TrickyStringsAsListItems_YamlDotNetAndKubectlReadTheSameList()
    {
        var args = TrickyStrings.Select(row => row.Data).ToList();
        var forYamlDotNet = TrickyStringsForYamlDotNet.Select(row => row.Data).ToList();

        var fromKubectl = Assert.Single(await KubectlReadAsync(KubeYaml.Serialize(PodWithArgs(args))))!;
        var fromYamlDotNet = KubernetesYaml.Deserialize<V1Pod>(KubeYaml.Serialize(PodWithArgs(forYamlDotNet)), strict: true);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(KubernetesJson.Serialize(args)), fromKubectl["spec"]!["containers"]![0]!["args"]), fromKubectl.ToJsonString());
        Assert.Equal(forYamlDotNet, fromYamlDotNet.Spec.Containers[0].Args);
        Assert.Empty(fromYamlDotNet.Spec.Containers[0].Command);
    }

    [Theory]
    [MemberData(nameof(RenderFixture.Variants), MemberType = typeof(RenderFixture))]
    public void Serialize_EveryRenderedObject_YamlDotNetReadsBackTheSameObject(string variant)
    {
        foreach (var manifest in RenderFixture.Render(RenderFixture.Variant(variant)))
        {
            foreach (var yaml in new[] { KubeYaml.Serialize(manifest.Object), manifest.ToYaml() })
            {
                var back = Assert.Single(KubernetesYaml.LoadAllFromString(yaml, strict: true));

                Assert.IsType(manifest.Object.GetType(), back);
                Assert.Equal(KubernetesJson.Serialize(manifest.Object), KubernetesJson.Serialize(back));
            }
        }
    }

    [Theory]
    [InlineData("default")]
    [InlineData("full")]
    public async Task ToYaml_RenderedSet_KubectlReadsBackTheSameObjects(string variant)
    {
        var set = RenderFixture.Render(RenderFixture.Variant(variant));

        var items = await KubectlReadAsync(set.ToYaml());

        Assert.Equal(set.Count, items.Count);
        for (var i = 0; i < set.Count; i++)
        {
            var expected = JsonNode.Parse(KubernetesJson.Serialize(set[i].Object))!;
            var actual = items[i]!;
            actual["metadata"]!["annotations"]!.AsObject().Remove("kubeyaml-test");
            if (actual["metadata"]!["annotations"]!.AsObject().Count == 0)
            {
                actual["metadata"]!.AsObject().Remove("annotations");
            }

            Assert.True(JsonNode.DeepEquals(expected, actual), $"{set[i].Key}: kubectl read\n{actual.ToJsonString()}\nexpected\n{expected.ToJsonString()}");
        }
    }

    [Fact]
    public void Serialize_Secret_WritesDataAsBase64AndKeyOrderAsKubectl()
    {
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new() { Name = "s", Labels = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" } },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { ["key"] = [0, 1, 2, 250, 255] },
            Immutable = true,
        };

        var yaml = KubeYaml.Serialize(secret);

        Assert.Equal(
            """
            apiVersion: v1
            kind: Secret
            metadata:
              labels:
                z: "1"
                a: "2"
              name: s
            data:
              key: AAEC+v8=
            immutable: true
            type: Opaque

            """,
            yaml);
    }

    [Fact]
    public void Serialize_EmptyCollectionsNullsAndNestedLists_AreWrittenAsKubectlDoes()
    {
        var role = new V1Role
        {
            ApiVersion = "rbac.authorization.k8s.io/v1",
            Kind = "Role",
            Metadata = new() { Name = "r", Annotations = new Dictionary<string, string>(), Labels = null },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = [] }],
        };

        Assert.Equal(
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              annotations: {}
              name: r
            rules:
            - apiGroups:
              - ""
              resources:
              - pods
              verbs: []

            """,
            KubeYaml.Serialize(role));
    }

    [Fact]
    public void Serialize_MultiLineStrings_UseLiteralBlocksWithChompingAndIndentation()
    {
        var map = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new() { Name = "m" },
            Data = new Dictionary<string, string>
            {
                ["clip"] = "a\nb\n",
                ["strip"] = "a\nb",
                ["keep"] = "a\n\n",
                ["indented"] = "  a\nb\n",
                ["last"] = "x\n\n",
            },
        };

        Assert.Equal(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: m
            data:
              clip: |
                a
                b
              strip: |-
                a
                b
              keep: |+
                a

              indented: |2
                  a
                b
              last: "x\n\n"

            """,
            KubeYaml.Serialize(map));
    }

    [Fact]
    public void LooksTyped_VersionsAndQuantities_StayPlain()
    {
        foreach (var text in new[] { "1.1.0", "100m", "64Mi", "v1", "a1", "0.0.0.0/0", "10.0.0.1", "--flag" })
        {
            Assert.False(YamlScalars.LooksTyped(System.Text.Encoding.UTF8.GetBytes(text)), text);
        }
    }

    private static V1Pod PodWithArgs(List<string> args) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new() { Name = "p" },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Args = args, Command = [] }] },
    };

    private static V1ConfigMap ConfigMapWith(string text, string name = "m") => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new() { Name = name },
        Data = text.Length == 0 ? new Dictionary<string, string> { ["value"] = text } : new Dictionary<string, string> { ["value"] = text, [text] = "key" },
    };

    // kubectl parses the stream offline (--local) with go-yaml and prints what it read as JSON.
    private async Task<JsonArray> KubectlReadAsync(string yaml)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kubeyaml-").FullName, "objects.yaml");
        await File.WriteAllTextAsync(path, yaml, TestContext.Current.CancellationToken);
        var result = await _tools.KubectlAsync("annotate", "--local", "-f", path, "kubeyaml-test=1", "-o", "json");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        Assert.True(result.ExitCode == 0, result.ToString());
        // One JSON object per document, one after the other.
        var objects = new JsonArray();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result.Stdout), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            objects.Add(JsonNode.Parse(ref reader));
        }

        return objects;
    }
}
