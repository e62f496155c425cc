using k8s;
using k8s.Models;
using RunnerConsole.Model.Preview;

namespace RunnerConsole.Console.Tests.Install;

public sealed class FastYamlTests
{
    [Fact]
    public async Task Serialize_EveryRenderedObject_ReadsBackToTheSameObject()
    {
        var model = WizardTestData.NewModel();
        WizardTestData.FillIdentity(model);
        await model.RefreshPreviewAsync();
        Assert.NotEmpty(model.Preview.Current.Manifests);

        foreach (var manifest in model.Preview.Current.Manifests)
        {
            var yaml = FastYaml.Serialize(manifest.Object);

            var back = Assert.Single(KubernetesYaml.LoadAllFromString(yaml));
            Assert.Equal(KubernetesJson.Serialize(manifest.Object), KubernetesJson.Serialize(back));
        }
    }

    [Theory]
    [InlineData("true")]
    [InlineData("8080")]
    [InlineData("a: b")]
    [InlineData("- dash")]
    [InlineData("# hash")]
    [InlineData("")]
    [InlineData("trailing ")]
    public void Serialize_AmbiguousStrings_StayStrings(string text)
    {
        var map = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new() { Name = "m" }, Data = new Dictionary<string, string> { ["k"] = text } };

        var back = KubernetesYaml.Deserialize<V1ConfigMap>(FastYaml.Serialize(map));

        Assert.Equal(text, back.Data["k"]);
    }
}
