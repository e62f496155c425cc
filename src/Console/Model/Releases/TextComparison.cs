namespace RunnerConsole.Model.Releases;

/// <summary>Two masked texts to show side by side, with what each side is.</summary>
public sealed record TextComparison(string Title, string LeftLabel, string Left, string RightLabel, string Right);
