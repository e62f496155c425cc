namespace RunnerConsole.Components.Dialogs;

/// <summary>What the uninstall dialog returns: the typed name (checked again by the model), history and reason.</summary>
public sealed record UninstallChoice(string TypedName, bool KeepHistory, string? Reason);
