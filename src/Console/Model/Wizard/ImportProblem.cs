using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>One problem of an imported values file, with its position when the loader knows it.</summary>
public sealed record ImportProblem(ValuesError Error)
{
    /// <summary><c>line 3, column 5: runner.name: is required</c>, or just the error when the position is unknown.</summary>
    public string Text => Error.Line is { } line ? $"line {line}, column {Error.Column ?? 1}: {Error}" : Error.ToString();
}
