namespace RunnerConsole.Cli;

/// <summary>Process exit codes of every verb; documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The verb ran and found problems (lint errors; diff with changes under --detailed-exitcode uses <see cref="Changes"/>).</summary>
    public const int Findings = 1;

    /// <summary>diff --detailed-exitcode: the plan has changes.</summary>
    public const int Changes = 2;

    /// <summary>The command line itself is wrong (unknown verb or option, missing argument).</summary>
    public const int Usage = 64;

    /// <summary>The input (values file, manifests) is invalid; every error was printed.</summary>
    public const int InvalidInput = 65;

    /// <summary>The cluster could not be reached or refused the operation.</summary>
    public const int ClusterError = 69;

    /// <summary>An unexpected internal error; the message and a correlation id were printed.</summary>
    public const int Internal = 70;
}
