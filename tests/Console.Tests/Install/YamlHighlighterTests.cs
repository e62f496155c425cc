using RunnerConsole.Model.Preview;

namespace RunnerConsole.Console.Tests.Install;

public sealed class YamlHighlighterTests
{
    [Fact]
    public void ToHtml_KeysValuesAndComments_GetTheirClasses()
    {
        var html = YamlHighlighter.ToHtml("# top\nspec:\n  replicas: 3\n  name: \"tool\"\n  - enabled: true\n");

        Assert.Contains("<span class=\"yc\"># top</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"yk\">replicas</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"yn\">3</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ys\">&quot;tool&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"yb\">true</span>", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<span class=\"yl\">").Length - 1);
        Assert.DoesNotContain("\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_MarkupInValues_IsEncoded()
    {
        var html = YamlHighlighter.ToHtml("note: <script>alert(1)</script>\n");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
