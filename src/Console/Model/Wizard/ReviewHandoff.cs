using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>
/// What the wizard hands to the next stage (diff before apply, at <c>/install/plan</c>): validated values and where they go.
/// </summary>
public sealed record ReviewHandoff(RunnerValues Values, string Context, string Namespace, string ReleaseName);
