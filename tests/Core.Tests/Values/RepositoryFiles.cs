namespace RunnerConsole.Core.Tests.Values;

/// <summary>Generated documents checked into the repository, and the test that keeps each in sync.</summary>
internal static class RepositoryFiles
{
    /// <summary>
    /// Fails when the file at <paramref name="relativePath"/> differs from <paramref name="expected"/>.
    /// With UPDATE_DOCS=1 it rewrites the file instead, so regenerating is one test run.
    /// </summary>
    public static void AssertInSync(string relativePath, string expected)
    {
        var path = Path.Combine(Root(), relativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing; run the tests with UPDATE_DOCS=1 to generate it");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(actual == expected, $"{relativePath} is out of date; run the tests with UPDATE_DOCS=1 to regenerate it");
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunnerConsole.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RunnerConsole.slnx not found above " + AppContext.BaseDirectory);
    }
}
