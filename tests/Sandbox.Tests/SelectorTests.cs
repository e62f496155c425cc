using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox.Tests;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front", ["env"] = "prod" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier=front", true)]
    [InlineData("app!=web", false)]
    [InlineData("app in (web, api)", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("env", true)]
    [InlineData("!env", false)]
    [InlineData("!missing,app in (web),tier!=back", true)]
    public void Label_selectors_match_like_kubernetes(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));

    [Fact]
    public void Malformed_set_selector_is_a_bad_request() =>
        Assert.Equal(400, Assert.Throws<Api.ApiException>(() => LabelSelector.Parse("app in web")).Code);
}

public sealed class ExternalToolsTests
{
    [Fact]
    public void Missing_tools_fail_with_the_install_hint()
    {
        Assert.Null(Tooling.ExternalTools.Find("no-such-tool-xyz"));
        var ex = Assert.Throws<FileNotFoundException>(() => Tooling.ExternalTools.Require("no-such-tool-xyz"));
        Assert.Contains("eng/install-tools.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_tools_are_found_from_the_test_binary() =>
        Assert.True(Tooling.ExternalTools.Find("kubectl") is not null && Tooling.ExternalTools.Find("helm") is not null,
            $"kubectl/helm not found in {string.Join(", ", Tooling.ExternalTools.CandidateDirectories())}: {Tooling.ExternalTools.InstallHint}");
}
