using System.Runtime;

namespace RunnerConsole.Cli;

/// <summary>
/// Start-up of a CLI verb: most of a short CLI run is the runtime compiling code on first use (generic and async code
/// of the framework that ReadyToRun cannot precompile). Each verb records which methods it compiled into a profile
/// (<see cref="ProfileOptimization"/>, the runtime's multi-core JIT); the next run of the same verb compiles them on a
/// second core ahead of use instead of one by one when first called. The profile lives in the user's cache folder
/// (<c>$XDG_CACHE_HOME/runner-console/jit</c>, else <c>~/.cache/runner-console/jit</c>; on Windows the local
/// application data folder), one file per verb and build; <c>RUNNER_CONSOLE_JIT_PROFILE=0</c> turns it off, and a
/// folder that cannot be written only means no profile. <c>serve</c> (a long-running process) does not record one.
/// </summary>
internal static class CliStartup
{
    public const string EnvironmentVariable = "RUNNER_CONSOLE_JIT_PROFILE";

    /// <summary>Starts recording (and, when a profile from an earlier run exists, replaying) the verb's JIT profile.</summary>
    public static void Begin(IReadOnlyList<string> args)
    {
        if (ProfileFor(args, Environment.GetEnvironmentVariable) is not var (directory, file))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
            if (!File.Exists(Path.Combine(directory, file)))
            {
                // First run of this build: profiles of earlier builds of the verb are stale.
                var verb = file[..file.LastIndexOf('-')];
                foreach (var stale in Directory.EnumerateFiles(directory, verb + "-*.profile").Where(f => Path.GetFileName(f).Length == file.Length))
                {
                    File.Delete(stale);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return;
        }

        ProfileOptimization.SetProfileRoot(directory);
        ProfileOptimization.StartProfile(file);
    }

    /// <summary>
    /// Where the profile of this command line goes (folder, file name), or null when none is kept: no verb (the
    /// console), <c>serve</c>, help, or turned off.
    /// </summary>
    internal static (string Directory, string File)? ProfileFor(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        if (args is not [var verb, ..] || verb is "serve" || verb.StartsWith('-') || !IsWord(verb)
            || environment(EnvironmentVariable) is "0" or "false" or "False" or "FALSE")
        {
            return null;
        }

        // `values validate`, `export chart`: a branch's verb has its own profile too.
        var name = args is [_, var sub, ..] && IsWord(sub) && verb is "values" or "export" ? $"{verb}-{sub}" : verb;
        if (args.Any(a => a is "-h" or "--help"))
        {
            return null;
        }

        var cache = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;
        if (string.IsNullOrEmpty(cache))
        {
            return null;
        }

        // A profile names methods of this build; another build's profile would only be partly valid.
        return (Path.Combine(cache, "runner-console", "jit"), $"{name}-{BuildId}.profile");
    }

    private static bool IsWord(string text) => text.Length is > 0 and <= 32 && text.All(c => char.IsAsciiLetterLower(c) || c == '-');

    // The module version id changes with every build of the executable.
    private static string BuildId => typeof(CliStartup).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
}
