namespace RunnerConsole.Cli;

/// <summary>Writes an export to a file (atomically: never a half-written file) or to stdout.</summary>
public static class ExportOutput
{
    public static async Task WriteAsync(string? path, string content, CancellationToken cancellationToken)
    {
        if (path is null or "-")
        {
            await Console.Out.WriteAsync(content);
            return;
        }

        var temp = path + ".partial";
        await File.WriteAllTextAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
        await Console.Error.WriteLineAsync($"wrote {path}");
    }
}
