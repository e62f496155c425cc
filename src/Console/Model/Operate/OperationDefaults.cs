using RunnerConsole.Core.Operations;

namespace RunnerConsole.Model.Operate;

/// <summary>How the console's operations run (timeouts, polling); who and why are filled in per operation.</summary>
public sealed record OperationDefaults(OperationOptions Options)
{
    public static OperationDefaults Standard { get; } = new(new OperationOptions());
}
