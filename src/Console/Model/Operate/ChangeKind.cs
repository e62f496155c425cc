namespace RunnerConsole.Model.Operate;

/// <summary>The mutations the console performs; each one passes the plan screen or a typed confirmation.</summary>
public enum ChangeKind
{
    Install,
    Upgrade,
    Rollback,
    Uninstall,
    Recover,
}
