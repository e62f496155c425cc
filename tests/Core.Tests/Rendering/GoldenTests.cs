namespace RunnerConsole.Core.Tests.Rendering;

/// <summary>
/// The rendered YAML of the golden values files, compared with the committed output. To accept an intended change,
/// run the tests with <c>UPDATE_GOLDEN=1</c> (it rewrites <c>tests/Core.Tests/Rendering/Golden/*.yaml</c> in the
/// source tree) and review the diff in git.
/// </summary>
public sealed class GoldenTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("full")]
    public void Render_GoldenValues_MatchesGoldenYaml(string name)
    {
        var yaml = RenderFixture.Render(RenderFixture.Load(name)).ToYaml();
        var goldenPath = Path.Combine(SourceDirectory(), "Golden", name + ".yaml");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, yaml);
        }

        Assert.True(File.Exists(goldenPath), $"{goldenPath} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(goldenPath);
        if (expected != yaml)
        {
            Assert.Fail($"rendered YAML differs from {goldenPath} (run with UPDATE_GOLDEN=1 to accept):\n{Diff(expected, yaml)}");
        }
    }

    [Fact]
    public void Render_SameInputTwice_IsByteIdentical()
    {
        var first = RenderFixture.Render(RenderFixture.Full).ToYaml();
        var second = RenderFixture.Render(RenderFixture.Full).ToYaml();

        Assert.Equal(first, second);
    }

    /// <summary>One hunk from the first to the last differing line (common head and tail skipped), with context.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        const int Context = 3;
        const int MaxLines = 120;
        var lines = new List<string> { $"@@ line {head + 1}: -{a.Length - head - tail} +{b.Length - head - tail} lines @@" };
        lines.AddRange(a[Math.Max(0, head - Context)..head].Select(l => "  " + l));
        lines.AddRange(a[head..(a.Length - tail)].Take(MaxLines).Select(l => "- " + l));
        lines.AddRange(b[head..(b.Length - tail)].Take(MaxLines).Select(l => "+ " + l));
        lines.AddRange(a[(a.Length - tail)..Math.Min(a.Length, a.Length - tail + Context)].Select(l => "  " + l));
        return string.Join('\n', lines);
    }

    /// <summary>Directory of this source file: golden and values files are read from (and written to) the source tree.</summary>
    internal static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
