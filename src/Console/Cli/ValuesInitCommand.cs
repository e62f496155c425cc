using System.ComponentModel;
using RunnerConsole.Core.Values;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console values init</c>: prints a complete, commented default values file.</summary>
public sealed class ValuesInitCommand : AsyncCommand<ValuesInitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Write to FILE instead of standard output (refuses to overwrite an existing file).")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ValuesCliSupport.RejectLeftovers(context, "init") is { } usage)
        {
            return usage;
        }

        var text = Header + ValuesWriter.ToCommentedYaml(RunnerValues.Defaults, redactSecrets: true);
        if (settings.Output is null)
        {
            await Console.Out.WriteAsync(text.AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        }

        try
        {
            // CreateNew: an existing values file may hold credentials; never clobber it.
            await using var file = new FileStream(settings.Output, FileMode.CreateNew, FileAccess.Write);
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: cannot write {settings.Output}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (UnauthorizedAccessException e)
        {
            await Console.Error.WriteLineAsync($"error: cannot write {settings.Output}: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Ok;
    }

    private const string Header =
        "# Runner values (runner-console values init).\n" +
        "# Fill in runner.name, runner.organization, cloud.runnerCredentials and cloud.customerCredentials;\n" +
        "# everything else renders as is. Check with: runner-console values validate -f <this file>\n" +
        "# Editor completion: runner-console values schema > values.schema.json, then add the line\n" +
        "# '# yaml-language-server: $schema=values.schema.json' at the top of this file.\n\n";
}
