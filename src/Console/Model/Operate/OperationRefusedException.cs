namespace RunnerConsole.Model.Operate;

/// <summary>The caller may not change clusters (a viewer), whatever the UI showed them.</summary>
public sealed class OperationRefusedException(string message) : Exception(message);
