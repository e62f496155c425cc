namespace RunnerConsole.Sandbox.Tooling;

/// <summary>
/// Finds the external test tools (<c>kubectl</c>, <c>helm</c>) that <c>eng/install-tools.sh</c> installs into
/// <c>.tools/bin</c> at the repository root.
/// </summary>
public static class ExternalTools
{
    /// <summary>Environment variable naming a directory that holds the tools (or a <c>bin</c> folder with them).</summary>
    public const string EnvironmentVariable = "RUNNER_CONSOLE_TOOLS";

    public const string InstallHint = "run eng/install-tools.sh from the repository root (CI always does) to install helm 4 and kubectl 1.35 into .tools/bin";

    /// <summary>The tool's path, or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in CandidateDirectories())
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }

            if (OperatingSystem.IsWindows() && File.Exists(path + ".exe"))
            {
                return path + ".exe";
            }
        }

        return null;
    }

    /// <summary>The tool's path; throws with instructions when it is absent (tests must fail, not pass silently).</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new FileNotFoundException($"The test tool '{name}' was not found in .tools/bin (or ${EnvironmentVariable}): {InstallHint}.");

    /// <summary>Where tools are looked for, in order: $RUNNER_CONSOLE_TOOLS, .tools/bin walking up from the app, the main worktree's .tools/bin.</summary>
    public static IEnumerable<string> CandidateDirectories()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            yield return env;
            yield return Path.Combine(env, "bin");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var tools = Path.Combine(dir.FullName, ".tools", "bin");
            if (Directory.Exists(tools))
            {
                yield return tools;
            }

            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git))
            {
                // A git worktree: its .git file points into the main repository's .git/worktrees/<name>.
                var line = File.ReadLines(git).FirstOrDefault() ?? "";
                if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    var gitDir = line["gitdir:".Length..].Trim();
                    var main = Directory.GetParent(gitDir)?.Parent?.Parent;
                    if (main is not null)
                    {
                        yield return Path.Combine(main.FullName, ".tools", "bin");
                    }
                }
            }

            if (File.Exists(git) || Directory.Exists(git))
            {
                yield break;
            }
        }
    }
}
