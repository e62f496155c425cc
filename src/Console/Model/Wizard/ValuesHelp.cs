using System.Collections.Frozen;
using RunnerConsole.Core.Values;

namespace RunnerConsole.Model.Wizard;

/// <summary>Helper texts of the form, taken from the values model's descriptions so the form, docs and schema agree.</summary>
public static class ValuesHelp
{
    private static readonly FrozenDictionary<string, string> Descriptions =
        ValuesModel.AllPaths().ToFrozenDictionary(p => p.Path, p => Plain(p.Key.Description), StringComparer.Ordinal);

    /// <summary>The description of <paramref name="path"/>, without Markdown backticks; empty when the path is unknown.</summary>
    public static string Describe(string path) => Descriptions.GetValueOrDefault(path, string.Empty);

    private static string Plain(string markdown) => markdown.Replace("`", string.Empty, StringComparison.Ordinal);
}
