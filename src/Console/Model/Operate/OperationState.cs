namespace RunnerConsole.Model.Operate;

public enum OperationState
{
    Running,
    Succeeded,
    Failed,
}
