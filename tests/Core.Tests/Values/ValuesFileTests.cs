using RunnerConsole.Core.Values;

namespace RunnerConsole.Core.Tests.Values;

public sealed class ValuesFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("values-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task LoadAsync_ValidFileWithBom_Loads()
    {
        var path = Path.Combine(_dir, "values.yaml");
        await File.WriteAllTextAsync(path, "\uFEFF" + TestValues.MinimalYaml, new System.Text.UTF8Encoding(true), TestContext.Current.CancellationToken);

        var result = await ValuesFile.LoadAsync(path, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("prod-runner", result.Values!.Runner.Name);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_IsAnErrorNotAnException()
    {
        var result = await ValuesFile.LoadAsync(Path.Combine(_dir, "missing.yaml"), TestContext.Current.CancellationToken);

        Assert.Null(result.Values);
        Assert.Equal("no such file", Assert.Single(result.Errors).Message);
        Assert.Equal("no such file", Assert.Single((await ValuesFile.LoadAsync(Path.Combine(_dir, "no-dir", "v.yaml"), TestContext.Current.CancellationToken)).Errors).Message);
    }

    [Fact]
    public async Task LoadAsync_OversizedFile_IsRejected()
    {
        var path = Path.Combine(_dir, "big.yaml");
        await File.WriteAllTextAsync(path, "# " + new string('x', ValuesLoader.MaxBytes), TestContext.Current.CancellationToken);

        var result = await ValuesFile.LoadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("the values file is larger than 1 MiB", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task LoadAsync_BinaryFile_IsRejectedAsNotUtf8()
    {
        var path = Path.Combine(_dir, "bin.yaml");
        await File.WriteAllBytesAsync(path, [0xC3, 0x28, 0xFF], TestContext.Current.CancellationToken);

        var result = await ValuesFile.LoadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("the values file is not UTF-8 text", Assert.Single(result.Errors).Message);
    }
}
