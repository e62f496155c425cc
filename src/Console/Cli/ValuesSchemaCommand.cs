using RunnerConsole.Core.Values;
using Spectre.Console.Cli;

namespace RunnerConsole.Cli;

/// <summary><c>runner-console values schema</c>: prints the JSON Schema of the values file.</summary>
public sealed class ValuesSchemaCommand : AsyncCommand<ValuesSchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ValuesCliSupport.RejectLeftovers(context, "schema") is { } usage)
        {
            return usage;
        }

        await Console.Out.WriteAsync(ValuesSchema.ToJsonText().AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
